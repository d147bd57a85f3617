// Certificate verification codes, printed on certificates and typed in by employers and boards to check one.
//
// Format: TS-XXXX-XXXX-XXXX-XXXX-XXXC — the fixed prefix "TS", then 20 Crockford base32 symbols in 5 groups of 4.
//   - Symbols come from 0123456789ABCDEFGHJKMNPQRSTVWXYZ (no I, L, O, U), 5 bits each.
//   - The first 19 symbols are random: 19 × 5 = 95 bits of randomness (from 12 random bytes; the last bit of the
//     96 is dropped). That is comfortably above 80 bits, so codes cannot be guessed or enumerated.
//   - The 20th symbol is a check character, so a mistyped code is rejected before any database lookup.
//
// Check character: the 19 symbols are read as elements of GF(32) (polynomial x^5 + x^2 + 1) and combined with
// Horner's rule, s = (s · x) + d, i.e. a weighted sum whose weights are distinct powers of x. The check symbol c
// makes s · x + c = 0 over all 20 symbols. Because every weight is non-zero this catches every single wrong symbol,
// and because x has order 31 (> 20 symbols) it also catches every swap of two different symbols, adjacent or not.
// Crockford's own check symbol needs 5 extra symbols (*~$=U) that are hard to read and say; this one does not.

export const VERIFICATION_CODE_PREFIX = 'TS';
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random symbols per code (before the check symbol). */
export const RANDOM_SYMBOLS = 19;
/** Bits of randomness per code: RANDOM_SYMBOLS × 5. */
export const VERIFICATION_CODE_BITS = RANDOM_SYMBOLS * 5;

const SYMBOLS = RANDOM_SYMBOLS + 1;
const RANDOM_BYTES = Math.ceil(VERIFICATION_CODE_BITS / 8);
const GROUP = 4;

export type RandomBytes = (bytes: number) => Uint8Array;

const defaultRandom: RandomBytes = (bytes) => crypto.getRandomValues(new Uint8Array(bytes));

/** Multiplies by x in GF(2^5) with the primitive polynomial x^5 + x^2 + 1. */
function timesX(value: number): number {
	const shifted = value << 1;
	return shifted & 0b100000 ? shifted ^ 0b100101 : shifted;
}

/** The check symbol value for a list of symbol values (0–31). */
function checkValue(values: readonly number[]): number {
	let sum = 0;
	for (const v of values) sum = timesX(sum) ^ v;
	return timesX(sum);
}

function format(values: readonly number[]): string {
	const symbols = values.map((v) => CROCKFORD_ALPHABET[v]).join('');
	const groups: string[] = [];
	for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
	return [VERIFICATION_CODE_PREFIX, ...groups].join('-');
}

/**
 * A new verification code, e.g. `TS-C19P-DABC-MEYW-RV7P-XGB9` (95 random bits and a check symbol).
 * `random` returns that many random bytes; it defaults to the global `crypto.getRandomValues`.
 */
export function generateVerificationCode(random: RandomBytes = defaultRandom): string {
	const bytes = random(RANDOM_BYTES);
	if (!(bytes instanceof Uint8Array) || bytes.length < RANDOM_BYTES)
		throw new Error(`the random source must return ${RANDOM_BYTES} bytes`);
	// Read the bytes as a bit stream, 5 bits per symbol: uniform bytes give uniform symbols, without modulo bias.
	const values: number[] = [];
	let buffer = 0;
	let bits = 0;
	for (let i = 0; i < RANDOM_BYTES && values.length < RANDOM_SYMBOLS; i++) {
		buffer = (buffer << 8) | bytes[i];
		bits += 8;
		while (bits >= 5 && values.length < RANDOM_SYMBOLS) {
			bits -= 5;
			values.push((buffer >> bits) & 31);
		}
		buffer &= (1 << bits) - 1;
	}
	values.push(checkValue(values));
	return format(values);
}

// Separators people type or paste: spaces (including non-breaking) and hyphens/dashes of every kind.
const SEPARATORS = /[\s\u00a0\-\u2010-\u2015\u2212]+/g;
// Crockford decoding: I and L read as 1, O as 0.
const CONFUSABLE: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * The canonical form of a typed or pasted code (`TS-XXXX-XXXX-XXXX-XXXX-XXXX`), or null when it is not a valid
 * code. Accepts lower case, spaces, missing or extra hyphens, a missing "TS" prefix, and I/L/O typed for 1/1/0.
 * Returns null for anything else, including a wrong check symbol (a typo), so no lookup is needed.
 */
export function normalizeVerificationCode(input: string): string | null {
	if (typeof input !== 'string' || input.length > 100) return null;
	let compact = input.toUpperCase().replace(SEPARATORS, '');
	if (compact.length === VERIFICATION_CODE_PREFIX.length + SYMBOLS && compact.startsWith(VERIFICATION_CODE_PREFIX))
		compact = compact.slice(VERIFICATION_CODE_PREFIX.length);
	if (compact.length !== SYMBOLS) return null;
	const values: number[] = [];
	for (const char of compact) {
		const index = CROCKFORD_ALPHABET.indexOf(CONFUSABLE[char] ?? char);
		if (index < 0) return null;
		values.push(index);
	}
	const check = values.pop()!;
	if (checkValue(values) !== check) return null;
	values.push(check);
	return format(values);
}
