// The shape of an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0) and the constants that name it.
// Kept apart from credential.ts so credential-jwt.ts can use them without importing the module that re-exports it.

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
