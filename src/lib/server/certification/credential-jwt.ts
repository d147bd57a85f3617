// Signing and verifying the credential as a VC-JWT (compact JWS, EdDSA over Ed25519), and publishing the issuer's
// public key as a JWKS. The JWT claims set is the credential itself plus the registered claims OB 3.0 asks for.

import { errors, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';
import {
	CREDENTIAL_JWT_ALG,
	CREDENTIAL_JWT_TYP,
	OB_CONTEXT_V3,
	VC_CONTEXT_V2,
	type OpenBadgeCredential
} from './credential-types';

export interface SignCredentialOptions {
	/** JWK thumbprint of the signing key. */
	kid: string;
	/** Where the key can be fetched (e.g. the issuer JWKS URL); the header `kid` becomes `<url>#<kid>`. */
	verificationMethodUrl?: string;
}

/** Compact JWS over the credential. Ed25519 is deterministic, so the same inputs give the same token. */
export async function signCredential(
	credential: OpenBadgeCredential,
	privateJwk: JWK,
	options: SignCredentialOptions
): Promise<string> {
	if (!privateJwk.d) throw new Error('signCredential needs the private JWK (it has no "d")');
	let kid = options.kid;
	if (options.verificationMethodUrl) {
		const url = new URL(options.verificationMethodUrl);
		url.hash = options.kid;
		kid = url.href;
	}
	const payload: JWTPayload = { ...credential };
	const jwt = new SignJWT(payload)
		.setProtectedHeader({ alg: CREDENTIAL_JWT_ALG, typ: CREDENTIAL_JWT_TYP, kid })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setNotBefore(toNumericDate(credential.validFrom))
		.setExpirationTime(toNumericDate(credential.validUntil));
	if (credential.credentialSubject.id) jwt.setSubject(credential.credentialSubject.id);
	return jwt.sign(privateJwk);
}

export type CredentialInvalidReason =
	| 'expired'
	| 'not_yet_valid'
	| 'bad_signature'
	| 'wrong_type'
	| 'claims_mismatch'
	| 'not_open_badge'
	| 'malformed';

export type CredentialVerification =
	| { valid: true; credential: OpenBadgeCredential; kid: string | undefined }
	| { valid: false; reason: CredentialInvalidReason };

const credentialShape = z.object({
	'@context': z.array(z.unknown()).refine((c) => c.includes(VC_CONTEXT_V2) && c.includes(OB_CONTEXT_V3)),
	id: z.string().min(1),
	type: z.array(z.string()).refine((t) => t.includes('VerifiableCredential') && t.includes('OpenBadgeCredential')),
	issuer: z.object({ id: z.string().min(1), type: z.array(z.string()).refine((t) => t.includes('Profile')) }),
	name: z.string(),
	validFrom: z.string(),
	validUntil: z.string().optional(),
	credentialSubject: z.object({
		id: z.string().optional(),
		type: z.array(z.string()).refine((t) => t.includes('AchievementSubject')),
		achievement: z.object({ id: z.string(), type: z.array(z.string()), name: z.string() })
	})
});

const JWT_CLAIMS = ['iss', 'sub', 'aud', 'jti', 'nbf', 'exp', 'iat'] as const;

/**
 * Checks the signature with the issuer's public key, the header (`alg` EdDSA, `typ` JWT), the validity window
 * (`currentDate` defaults to now), and that the JWT claims agree with the credential they wrap. Says nothing about
 * revocation: that is the verify URL's job.
 */
export async function verifyCredentialJwt(
	jwt: string,
	publicJwk: JWK,
	options: { currentDate?: Date } = {}
): Promise<CredentialVerification> {
	let payload: JWTPayload;
	let kid: string | undefined;
	try {
		const result = await jwtVerify(jwt, publicOnly(publicJwk), {
			algorithms: [CREDENTIAL_JWT_ALG],
			typ: CREDENTIAL_JWT_TYP,
			currentDate: options.currentDate,
			requiredClaims: ['iss', 'jti', 'nbf']
		});
		payload = result.payload;
		kid = result.protectedHeader.kid;
	} catch (e) {
		return { valid: false, reason: reasonFor(e) };
	}

	const parsed = credentialShape.safeParse(payload);
	if (!parsed.success) return { valid: false, reason: 'not_open_badge' };
	const c = parsed.data;
	const consistent =
		payload.iss === c.issuer.id &&
		payload.jti === c.id &&
		payload.nbf === toNumericDate(c.validFrom) &&
		(c.validUntil === undefined ? payload.exp === undefined : payload.exp === toNumericDate(c.validUntil)) &&
		payload.sub === c.credentialSubject.id;
	if (!consistent) return { valid: false, reason: 'claims_mismatch' };

	const credential: Record<string, unknown> = { ...payload };
	for (const claim of JWT_CLAIMS) delete credential[claim];
	return { valid: true, credential: credential as unknown as OpenBadgeCredential, kid };
}

/** The JWKS document to publish at a stable URL (e.g. `/issuer/jwks.json`). Refuses private keys. */
export function issuerJwks(publicJwk: JWK, kid: string): { keys: JWK[] } {
	if (publicJwk.d !== undefined) throw new Error('Refusing to publish a private key: pass the public JWK');
	return { keys: [{ ...publicJwk, kid, alg: CREDENTIAL_JWT_ALG, use: 'sig' }] };
}

function reasonFor(e: unknown): CredentialInvalidReason {
	if (e instanceof errors.JWTExpired) return 'expired';
	if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
	if (e instanceof errors.JWTClaimValidationFailed) {
		if (e.claim === 'nbf') return 'not_yet_valid';
		if (e.claim === 'typ') return 'wrong_type';
		return 'claims_mismatch';
	}
	if (e instanceof errors.JOSEAlgNotAllowed) return 'wrong_type';
	return 'malformed';
}

/** Keeps a verifier from ever being handed signing material, whatever the caller passes. */
function publicOnly(jwk: JWK): JWK {
	const { kty, crv, x } = jwk;
	return { kty, crv, x };
}

function toNumericDate(iso: string): number {
	const ms = Date.parse(iso);
	if (!Number.isFinite(ms)) throw new RangeError(`Invalid date: ${iso}`);
	return Math.floor(ms / 1000);
}
