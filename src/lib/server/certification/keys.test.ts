import { createHash } from 'node:crypto';
import { importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateIssuerKeyPair } from './keys';

describe('generateIssuerKeyPair', () => {
	it('makes an Ed25519 pair whose kid is the RFC 7638 thumbprint of the public key', async () => {
		const { publicJwk, privateJwk, kid } = await generateIssuerKeyPair();
		expect(publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
		expect(privateJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: publicJwk.x, d: expect.any(String) });
		expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
		// RFC 7638 §3.1: the SHA-256 of the required members in lexicographic order, with no whitespace.
		const canonical = JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: publicJwk.x });
		const digest = createHash('sha256').update(canonical).digest('base64url');
		expect(kid).toBe(digest);
	});

	it('gives keys that import as EdDSA keys, and a new pair each time', async () => {
		const a = await generateIssuerKeyPair();
		const b = await generateIssuerKeyPair();
		expect(a.kid).not.toBe(b.kid);
		await expect(importJWK(a.privateJwk, 'EdDSA')).resolves.toBeDefined();
		await expect(importJWK(a.publicJwk, 'EdDSA')).resolves.toBeDefined();
	});
});
