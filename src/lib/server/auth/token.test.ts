import { describe, expect, it } from 'vitest';
import { generateToken, hashToken } from './token';

describe('tokens', () => {
	it('carries at least 20 random bytes and never repeats', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/); // 160 bits in base32
	});

	it('hashes with SHA-256 so only the digest is stored', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashToken(generateToken())).toMatch(/^[0-9a-f]{64}$/);
	});
});
