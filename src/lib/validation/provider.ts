import { z } from 'zod';
import { deceptiveTextMessage, hasDeceptiveCharacters } from './text';

// The provider details printed on every certificate, as NCBTMB asks for them.

const line = (what: string, max: number) =>
	z
		.string({ error: `Enter the ${what}.` })
		.trim()
		.min(1, `Enter the ${what}.`)
		.max(max, `The ${what} can be at most ${max} characters.`)
		.refine((v) => !hasDeceptiveCharacters(v), deceptiveTextMessage(`The ${what}`));

export const providerSchema = z.object({
	name: line('provider name (as on your NCBTMB provider account)', 120),
	providerNumber: line('NCBTMB Approved Provider number', 40).refine(
		(v) => /^[A-Za-z0-9-]+$/.test(v),
		'The provider number uses letters, digits and hyphens only.'
	),
	contact: line('address or email', 200),
	signatoryName: line('signatory name', 120),
	signatoryTitle: line('signatory title', 120)
});

export type ProviderInput = z.infer<typeof providerSchema>;

/** A signature image: PNG, at most this many bytes (it is embedded in every certificate). */
export const SIGNATURE_MAX_BYTES = 200 * 1024;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function signatureProblem(bytes: Uint8Array): string | null {
	if (bytes.length > SIGNATURE_MAX_BYTES) return `The signature image can be at most ${SIGNATURE_MAX_BYTES / 1024} KB.`;
	if (!PNG_MAGIC.every((b, i) => bytes[i] === b)) return 'The signature image must be a PNG file.';
	return null;
}
