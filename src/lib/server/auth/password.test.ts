import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password';

describe('password policy', () => {
	it('accepts long unrelated-word phrases', () => {
		expect(checkPasswordStrength('quiet-harbour-lantern-47')).toBeNull();
	});

	it('refuses short, over-long, common and personal passwords with a message', () => {
		expect(checkPasswordStrength('abc12')).toMatch(/at least 8/);
		expect(checkPasswordStrength('x'.repeat(129))).toMatch(/at most 128/);
		expect(checkPasswordStrength('password1')).toMatch(/too easy to guess/);
		expect(checkPasswordStrength('qwertyuiop')).toMatch(/too easy to guess/);
		expect(checkPasswordStrength('adalovelace1815', ['Ada Lovelace', 'adalovelace1815@example.org'])).toMatch(/too easy/);
	});
});

describe('argon2id hashing', () => {
	it('verifies the right password and rejects others and malformed hashes', async () => {
		const hash = await hashPassword('quiet-harbour-lantern-47');
		expect(hash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(hash, 'quiet-harbour-lantern-47')).toBe(true);
		expect(await verifyPassword(hash, 'quiet-harbour-lantern-48')).toBe(false);
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});
});
