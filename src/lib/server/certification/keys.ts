import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface IssuerKeyPair {
	/** Safe to publish (kty, crv, x only). */
	publicJwk: JWK;
	/** Contains `d`: store it as a secret, never publish or log it. */
	privateJwk: JWK;
	/** RFC 7638 SHA-256 thumbprint of the public key: stable, derived from the key itself. */
	kid: string;
}

/** A fresh Ed25519 signing key for Open Badges credentials (JWS alg "EdDSA"). */
export async function generateIssuerKeyPair(): Promise<IssuerKeyPair> {
	const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
	const publicJwk = await exportJWK(publicKey);
	const privateJwk = await exportJWK(privateKey);
	const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
	return { publicJwk, privateJwk, kid };
}
