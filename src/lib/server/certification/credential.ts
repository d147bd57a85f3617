// Open Badges 3.0 credentials (a W3C Verifiable Credential 2.0), signed as a VC-JWT with the issuer's Ed25519 key.
//
// The JWT claims set IS the credential (OB 3.0 §8.2 / VC-JOSE-COSE), plus the registered claims OB 3.0 asks for:
// iss = issuer.id, jti = id, nbf = validFrom, exp = validUntil, and sub = credentialSubject.id when there is one.
// Anyone holding the published public key can check the signature offline. There is deliberately no
// credentialStatus: revocation is answered live at the verify URL (the credential id), and the description says so.

import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { errors, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';
import { formatCeHours } from './format';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** JOSE `typ` of the VC-JWT: Open Badges 3.0 §8.2 says it must be "JWT" when present. */
export const CREDENTIAL_JWT_TYP = 'JWT';
export const CREDENTIAL_JWT_ALG = 'EdDSA';

export interface IssuerProfile {
	id: string;
	type: ['Profile'];
	name: string;
	url: string;
	otherIdentifier?: { type: ['IdentifierEntry']; identifier: string; identifierType: string }[];
}

export interface IdentityObject {
	type: 'IdentityObject';
	identityHash: string;
	identityType: 'emailAddress';
	hashed: true;
	salt: string;
}

export interface Achievement {
	id: string;
	type: ['Achievement'];
	name: string;
	description: string;
	criteria: { narrative: string };
	achievementType: 'Certificate';
	creditsAvailable: number;
}

export interface AchievementSubject {
	id?: string;
	type: ['AchievementSubject'];
	name: string;
	identifier: IdentityObject[];
	achievement: Achievement;
	creditsEarned: number;
	activityEndDate: string;
}

export interface Evidence {
	type: ['Evidence'];
	name: string;
	description: string;
	genre: string;
}

export interface OpenBadgeCredential {
	'@context': [typeof VC_CONTEXT_V2, typeof OB_CONTEXT_V3];
	id: string;
	type: ['VerifiableCredential', 'OpenBadgeCredential'];
	issuer: IssuerProfile;
	name: string;
	description: string;
	validFrom: string;
	validUntil: string;
	credentialSubject: AchievementSubject;
	evidence?: Evidence[];
}

export interface OpenBadgeCredentialInput {
	/** Public origin of the site, e.g. `https://learn.example.org` (any path is ignored). */
	origin: string;
	verificationCode: string;
	providerName: string;
	/** NCBTMB Approved Provider number; recorded on the issuer profile when set. */
	providerNumber?: string | null;
	holderName: string;
	/** Only its salted SHA-256 goes into the credential (trimmed and lower-cased first). */
	holderEmail: string;
	/** Salt for the email hash; random when omitted. Store it if the credential must be rebuilt byte-for-byte. */
	salt?: string;
	trackSlug: string;
	trackTitle: string;
	trackDescription?: string;
	criteriaNarrative?: string;
	ceHours: number;
	/** The track's courses; each becomes an `evidence` entry. */
	courses?: { title: string; ceHours: number }[];
	completedAt: Date;
	issuedAt: Date;
	expiresAt: Date;
}

/** The public page that shows a certificate's current status; also the credential's `id`. */
export function verifyUrl(origin: string, verificationCode: string): string {
	return `${normalizeOrigin(origin)}/verify/${encodeURIComponent(verificationCode)}`;
}

/** `sha256$<hex>` of the normalized email with the salt appended, as OB 3.0 IdentityHash defines it. */
export function hashEmailIdentity(email: string, salt: string): string {
	const plaintext = email.trim().toLowerCase() + salt;
	return `sha256$${encodeHexLowerCase(sha256(new TextEncoder().encode(plaintext)))}`;
}

export function buildOpenBadgeCredential(input: OpenBadgeCredentialInput): OpenBadgeCredential {
	const origin = normalizeOrigin(input.origin);
	if (!Number.isFinite(input.ceHours) || input.ceHours < 0) throw new RangeError('ceHours must be a non-negative number');
	if (!input.holderEmail.includes('@')) throw new Error('holderEmail must be an email address');
	if (input.expiresAt.getTime() <= input.issuedAt.getTime()) throw new RangeError('expiresAt must be after issuedAt');

	const id = verifyUrl(origin, input.verificationCode);
	const ce = formatCeHours(input.ceHours);
	const salt = input.salt ?? randomSalt();
	const providerNumber = input.providerNumber?.trim();

	const issuer: IssuerProfile = { id: `${origin}/issuer`, type: ['Profile'], name: input.providerName, url: origin };
	if (providerNumber) {
		issuer.otherIdentifier = [
			{ type: ['IdentifierEntry'], identifier: providerNumber, identifierType: 'ext:NCBTMBApprovedProviderNumber' }
		];
	}

	const credential: OpenBadgeCredential = {
		'@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
		id,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer,
		name: `Certificate of Achievement: ${input.trackTitle}`,
		description:
			`Awarded by ${input.providerName} for completing and passing the graded assessments of ` +
			`"${input.trackTitle}" (Home Study, ${ce}). Whether this credential is still valid or has been revoked ` +
			`is answered at ${id}.`,
		validFrom: isoSeconds(input.issuedAt),
		validUntil: isoSeconds(input.expiresAt),
		credentialSubject: {
			type: ['AchievementSubject'],
			name: input.holderName,
			identifier: [
				{
					type: 'IdentityObject',
					identityHash: hashEmailIdentity(input.holderEmail, salt),
					identityType: 'emailAddress',
					hashed: true,
					salt
				}
			],
			achievement: {
				id: `${origin}/tracks/${encodeURIComponent(input.trackSlug)}`,
				type: ['Achievement'],
				name: input.trackTitle,
				description:
					input.trackDescription ??
					`Home-study continuing education for massage therapists: ${input.trackTitle} (${ce}).`,
				criteria: {
					narrative:
						input.criteriaNarrative ??
						'Complete every course in the track and pass each course’s provider-graded assessment at its published passing score.'
				},
				achievementType: 'Certificate',
				creditsAvailable: input.ceHours
			},
			creditsEarned: input.ceHours,
			activityEndDate: isoSeconds(input.completedAt)
		}
	};
	if (input.courses?.length) {
		credential.evidence = input.courses.map((c) => ({
			type: ['Evidence'],
			name: c.title,
			description: `Home Study course, ${formatCeHours(c.ceHours)}; graded assessment passed.`,
			genre: 'Home Study'
		}));
	}
	return credential;
}

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

function normalizeOrigin(origin: string): string {
	const url = new URL(origin);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`origin must be http(s): ${origin}`);
	return url.origin;
}

/** ISO 8601 in UTC without milliseconds, so it round-trips exactly through a JWT NumericDate. */
function isoSeconds(date: Date): string {
	const ms = date.getTime();
	if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function toNumericDate(iso: string): number {
	const ms = Date.parse(iso);
	if (!Number.isFinite(ms)) throw new RangeError(`Invalid date: ${iso}`);
	return Math.floor(ms / 1000);
}

function randomSalt(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeHexLowerCase(bytes);
}
