// The documents made from an issued certificate: the printable PDF and the signed Open Badge (VC-JWT). Both are
// built from what the certificate row froze at issue, plus the provider details configured now.

import { VC_CONTEXT_V2, OB_CONTEXT_V3, buildOpenBadgeCredential, issuerJwks, signCredential, verifyUrl } from './credential';
import { renderCertificatePdf } from './pdf';
import { getIssuerKey, listIssuerPublicKeys } from './issuer-key';
import { config } from '../env';
import type { Certificate } from '../db/schema';
import { findTrack } from './issue';

const quarterToHours = (quarterHours: number) => quarterHours / 4;

function origin(): string {
	return new URL(config.ORIGIN).origin;
}

/** The public page that shows the certificate's current status (and the credential's id). */
export function verificationUrl(code: string): string {
	return verifyUrl(origin(), code);
}

/** Where the issuer's public keys are published; named in every credential's JWT header (`kid`). */
export function issuerKeysUrl(): string {
	return `${origin()}/issuer/keys`;
}

export function issuerId(): string {
	return `${origin()}/issuer`;
}

function courseLines(certificate: Certificate) {
	return certificate.courses.map((c) => ({ title: c.title, ceHours: quarterToHours(c.ceQuarterHours) }));
}

export function certificateFileName(certificate: Certificate, extension: string): string {
	return `touchstone-certificate-${certificate.code}.${extension}`;
}

export async function renderCertificateFor(certificate: Certificate): Promise<Uint8Array> {
	if (!certificate.expiresAt) throw new Error('Certificates without an expiry date are not supported');
	return renderCertificatePdf({
		holderName: certificate.holderName,
		trackTitle: certificate.trackTitle,
		courses: courseLines(certificate),
		completedAt: certificate.completedAt,
		issuedAt: certificate.issuedAt,
		expiresAt: certificate.expiresAt,
		verificationCode: certificate.code,
		verifyUrl: verificationUrl(certificate.code),
		providerName: config.PROVIDER_NAME,
		providerNumber: config.PROVIDER_NUMBER ?? null,
		providerContact: origin(),
		totalCeHours: quarterToHours(certificate.ceQuarterHours)
	});
}

/** The certificate as an Open Badges 3.0 OpenBadgeCredential, signed as a VC-JWT with the issuer's Ed25519 key. */
export async function signCertificateBadge(certificate: Certificate): Promise<string> {
	if (!certificate.expiresAt) throw new Error('Certificates without an expiry date are not supported');
	const track = findTrack(certificate.trackSlug);
	const credential = buildOpenBadgeCredential({
		origin: origin(),
		verificationCode: certificate.code,
		providerName: config.PROVIDER_NAME,
		providerNumber: config.PROVIDER_NUMBER ?? null,
		holderName: certificate.holderName,
		holderEmail: certificate.holderEmail,
		salt: certificate.credentialSalt,
		trackSlug: certificate.trackSlug,
		trackTitle: certificate.trackTitle,
		trackDescription: track?.description,
		criteriaNarrative: track
			? `Complete each of the track's ${track.requiredCourses.length} courses and score at least ` +
				`${track.minFinalExamPercent}% on each course's final exam, graded by the provider.`
			: undefined,
		ceHours: quarterToHours(certificate.ceQuarterHours),
		courses: courseLines(certificate),
		completedAt: certificate.completedAt,
		issuedAt: certificate.issuedAt,
		expiresAt: certificate.expiresAt
	});
	const key = await getIssuerKey();
	return signCredential(credential, key.privateJwk, { kid: publicKeyId(key.kid) });
}

/** The issuer Profile published at the issuer id (`/issuer`). */
export function issuerProfile() {
	const providerNumber = config.PROVIDER_NUMBER?.trim();
	return {
		'@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
		id: issuerId(),
		type: ['Profile'],
		name: config.PROVIDER_NAME,
		url: origin(),
		description:
			`${config.PROVIDER_NAME} issues Open Badges 3.0 credentials signed as VC-JWT (EdDSA, Ed25519). ` +
			`The public keys are published at ${issuerKeysUrl()}; check a certificate's current status at ${origin()}/verify.`,
		...(providerNumber
			? {
					otherIdentifier: [
						{ type: ['IdentifierEntry'], identifier: providerNumber, identifierType: 'ext:NCBTMBApprovedProviderNumber' }
					]
				}
			: {})
	};
}

/**
 * A key's id, as the JWT header names it and the key set lists it: `<origin>/issuer/keys#<thumbprint>`. The same
 * string in both places lets a generic JOSE verifier (jose's createRemoteJWKSet) match the key, and the URI
 * dereferences to the set that holds it.
 */
export function publicKeyId(thumbprint: string): string {
	return `${issuerKeysUrl()}#${thumbprint}`;
}

/** Every public key that has signed credentials here, as a JWK Set. */
export async function issuerKeySet() {
	const keys = await listIssuerPublicKeys();
	return { keys: keys.flatMap((k) => issuerJwks(k.publicJwk, publicKeyId(k.kid)).keys) };
}
