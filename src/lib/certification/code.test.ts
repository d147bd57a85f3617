import { describe, expect, it } from 'vitest';
import {
	CROCKFORD_ALPHABET,
	VERIFICATION_CODE_BITS,
	generateVerificationCode,
	normalizeVerificationCode
} from './code';

const FORMAT = /^TS(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}){5}$/;
const fixed = (byte: number) => (n: number) => new Uint8Array(n).fill(byte);

/** A deterministic byte source (mulberry32) so tests can generate many codes reproducibly. */
function seeded(seed: number) {
	let a = seed >>> 0;
	return (n: number) =>
		Uint8Array.from({ length: n }, () => {
			a = (a + 0x6d2b79f5) >>> 0;
			let t = a;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) & 0xff;
		});
}

describe('generateVerificationCode', () => {
	it('has more than 80 bits of randomness and uses a readable alphabet', () => {
		expect(VERIFICATION_CODE_BITS).toBe(95);
		expect(VERIFICATION_CODE_BITS).toBeGreaterThan(80);
		expect(CROCKFORD_ALPHABET).toHaveLength(32);
		expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
	});

	it('produces TS and five groups of four, with the default random source', () => {
		const a = generateVerificationCode();
		const b = generateVerificationCode();
		expect(a).toMatch(FORMAT);
		expect(b).toMatch(FORMAT);
		expect(a).not.toBe(b);
		expect(normalizeVerificationCode(a)).toBe(a);
	});

	it('reads the random bytes 5 bits at a time', () => {
		// All-zero bytes give all-zero symbols and a zero check symbol; all-ones give Z (31) symbols.
		expect(generateVerificationCode(fixed(0))).toBe('TS-0000-0000-0000-0000-0000');
		const ones = generateVerificationCode(fixed(0xff));
		expect(ones.slice(0, -1)).toBe('TS-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ');
		// 0b10000100 0b00110010 ... → 10000 10000 11001 0 → G G S
		const bytes = new Uint8Array(12);
		bytes[0] = 0b10000100;
		bytes[1] = 0b00110010;
		expect(generateVerificationCode(() => bytes).slice(0, 7)).toBe('TS-GGS0');
	});

	it('asks for 12 bytes and refuses a short random source', () => {
		const asked: number[] = [];
		generateVerificationCode((n) => {
			asked.push(n);
			return new Uint8Array(n);
		});
		expect(asked).toEqual([12]);
		expect(() => generateVerificationCode(() => new Uint8Array(4))).toThrow();
	});

	it('spreads symbols evenly over the alphabet', () => {
		const random = seeded(42);
		const counts = new Map<string, number>();
		for (let i = 0; i < 2000; i++) {
			const code = generateVerificationCode(random);
			for (const ch of code.slice(3, -1).replace(/-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
		}
		expect(counts.size).toBe(32);
		const expected = (2000 * 19) / 32;
		for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
	});
});

describe('normalizeVerificationCode', () => {
	const code = generateVerificationCode(seeded(7));

	it('accepts the canonical form', () => {
		expect(normalizeVerificationCode(code)).toBe(code);
		expect(normalizeVerificationCode('TS-C19P-DABC-MEYW-RV7P-XGB9')).toBe('TS-C19P-DABC-MEYW-RV7P-XGB9');
	});

	it('accepts lower case, spaces, missing hyphens, dashes and a missing prefix', () => {
		const body = code.slice(3).replace(/-/g, '');
		expect(normalizeVerificationCode(code.toLowerCase())).toBe(code);
		expect(normalizeVerificationCode(`  ${code.replace(/-/g, ' ')}  `)).toBe(code);
		expect(normalizeVerificationCode(`TS${body}`)).toBe(code);
		expect(normalizeVerificationCode(body)).toBe(code);
		expect(normalizeVerificationCode(body.toLowerCase().match(/.{1,4}/g)!.join(' '))).toBe(code);
		expect(normalizeVerificationCode(code.replace(/-/g, '\u2013'))).toBe(code);
		expect(normalizeVerificationCode(code.replace(/-/g, '--'))).toBe(code);
	});

	it('reads I and L as 1 and O as 0', () => {
		const withDigits = generateVerificationCode(fixed(0)); // TS-0000-0000-0000-0000-0000
		expect(normalizeVerificationCode('ts-oooo-OOOO-0o0O-0000-0000')).toBe(withDigits);
		// Find a code containing a 1 and type it as I or L.
		const random = seeded(3);
		let one = '';
		while (!one.slice(3).includes('1')) one = generateVerificationCode(random);
		expect(normalizeVerificationCode(one.slice(0, 3) + one.slice(3).replace(/1/g, 'I'))).toBe(one);
		expect(normalizeVerificationCode(one.slice(0, 3) + one.slice(3).replace(/1/g, 'l'))).toBe(one);
	});

	it('rejects wrong lengths, unknown symbols and other junk', () => {
		expect(normalizeVerificationCode('')).toBeNull();
		expect(normalizeVerificationCode(code.slice(0, -1))).toBeNull();
		expect(normalizeVerificationCode(code + '0')).toBeNull();
		expect(normalizeVerificationCode(code.slice(0, 5) + 'U' + code.slice(6))).toBeNull();
		expect(normalizeVerificationCode(code.slice(0, 5) + '*' + code.slice(6))).toBeNull();
		expect(normalizeVerificationCode('XX' + code.slice(2))).toBeNull();
		expect(normalizeVerificationCode('TS-' + code)).toBeNull();
		expect(normalizeVerificationCode('0'.repeat(1000))).toBeNull();
	});

	it('detects every single-symbol typo with the check symbol', () => {
		const random = seeded(11);
		const accepted: string[] = [];
		for (let n = 0; n < 20; n++) {
			const c = generateVerificationCode(random);
			const symbols = c.slice(3).replace(/-/g, '');
			for (let i = 0; i < symbols.length; i++) {
				for (const ch of CROCKFORD_ALPHABET) {
					if (ch === symbols[i]) continue;
					const typo = symbols.slice(0, i) + ch + symbols.slice(i + 1);
					if (normalizeVerificationCode(typo) !== null) accepted.push(typo);
				}
			}
		}
		expect(accepted).toEqual([]);
	});

	it('detects every swap of two different symbols, adjacent or not', () => {
		const random = seeded(13);
		const accepted: string[] = [];
		for (let n = 0; n < 20; n++) {
			const symbols = generateVerificationCode(random).slice(3).replace(/-/g, '').split('');
			for (let i = 0; i < symbols.length; i++) {
				for (let j = i + 1; j < symbols.length; j++) {
					if (symbols[i] === symbols[j]) continue;
					const swapped = [...symbols];
					[swapped[i], swapped[j]] = [swapped[j], swapped[i]];
					if (normalizeVerificationCode(swapped.join('')) !== null) accepted.push(swapped.join(''));
				}
			}
		}
		expect(accepted).toEqual([]);
	});
});
