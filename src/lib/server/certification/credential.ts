// Open Badges 3.0 credentials (a W3C Verifiable Credential 2.0), signed as a VC-JWT with the issuer's Ed25519 key.
//
// The JWT claims set IS the credential (OB 3.0 §8.2 / VC-JOSE-COSE), plus the registered claims OB 3.0 asks for:
// iss = issuer.id, jti = id, nbf = validFrom, exp = validUntil, and sub = credentialSubject.id when there is one.
// Anyone holding the published public key can check the signature offline. There is deliberately no
// credentialStatus: revocation is answered live at the verify URL (the credential id), and the description says so.

import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { formatCeHours } from '$lib/format';
import {
	OB_CONTEXT_V3,
	VC_CONTEXT_V2,
	type IssuerProfile,
	type OpenBadgeCredential,
	type OpenBadgeCredentialInput
} from './credential-types';

// Everything other modules use lives behind this one path: the types and constants, and the VC-JWT signing and
// verification from credential-jwt.ts.
export * from './credential-types';
export {
	issuerJwks,
	signCredential,
	verifyCredentialJwt,
	type CredentialInvalidReason,
	type CredentialVerification,
	type SignCredentialOptions
} from './credential-jwt';

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

function randomSalt(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeHexLowerCase(bytes);
}
