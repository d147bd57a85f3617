import { base64url, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	buildOpenBadgeCredential,
	CREDENTIAL_JWT_TYP,
	hashEmailIdentity,
	issuerJwks,
	OB_CONTEXT_V3,
	signCredential,
	VC_CONTEXT_V2,
	verifyCredentialJwt,
	verifyUrl,
	type OpenBadgeCredentialInput
} from './credential';
import { generateIssuerKeyPair, type IssuerKeyPair } from './keys';

const ORIGIN = 'https://learn.example.org';
const JWKS_URL = `${ORIGIN}/issuer/jwks.json`;

function input(overrides: Partial<OpenBadgeCredentialInput> = {}): OpenBadgeCredentialInput {
	return {
		origin: ORIGIN,
		verificationCode: 'TS-C19P-DABC-MEYW-RV7P-XGB9',
		providerName: 'Touchstone Massage Education',
		providerNumber: '1234',
		holderName: 'Zoë Ångström-Łukasz 李',
		holderEmail: ' Zoe@Example.org ',
		salt: 'pepper-and-salt',
		trackSlug: 'foundations',
		trackTitle: 'The Science of Massage: Foundations',
		ceHours: 5.5,
		courses: [
			{ title: 'Pain Science for Massage Therapists', ceHours: 2.5 },
			{ title: 'Fascia: What the Evidence Says', ceHours: 3 }
		],
		completedAt: new Date('2026-03-03T15:00:00.250Z'),
		issuedAt: new Date('2026-03-04T10:00:00.900Z'),
		expiresAt: new Date('2028-03-04T10:00:00Z'),
		...overrides
	};
}

/** Replaces the payload of a compact JWS, keeping the original header and signature. */
function withPayload(jwt: string, edit: (payload: Record<string, unknown>) => void): string {
	const [header, body, signature] = jwt.split('.');
	const payload = JSON.parse(new TextDecoder().decode(base64url.decode(body)));
	edit(payload);
	return [header, base64url.encode(JSON.stringify(payload)), signature].join('.');
}

let issuer: IssuerKeyPair;
let other: IssuerKeyPair;
beforeAll(async () => {
	[issuer, other] = await Promise.all([generateIssuerKeyPair(), generateIssuerKeyPair()]);
});

describe('buildOpenBadgeCredential', () => {
	it('has the Open Badges 3.0 required fields', () => {
		const c = buildOpenBadgeCredential(input());
		expect(c['@context']).toEqual([VC_CONTEXT_V2, OB_CONTEXT_V3]);
		expect(c.id).toBe(`${ORIGIN}/verify/TS-C19P-DABC-MEYW-RV7P-XGB9`);
		expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(c.issuer).toMatchObject({
			id: `${ORIGIN}/issuer`,
			type: ['Profile'],
			name: 'Touchstone Massage Education',
			url: ORIGIN
		});
		expect(c.name).toContain('The Science of Massage: Foundations');
		expect(c.validFrom).toBe('2026-03-04T10:00:00Z');
		expect(c.validUntil).toBe('2028-03-04T10:00:00Z');
		expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
		expect(c.credentialSubject.name).toBe('Zoë Ångström-Łukasz 李');
		expect(c.credentialSubject.creditsEarned).toBe(5.5);
		expect(c.credentialSubject.activityEndDate).toBe('2026-03-03T15:00:00Z');
		const a = c.credentialSubject.achievement;
		expect(a.id).toBe(`${ORIGIN}/tracks/foundations`);
		expect(a.type).toEqual(['Achievement']);
		expect(a.name).toBe('The Science of Massage: Foundations');
		expect(a.description.length).toBeGreaterThan(0);
		expect(a.criteria.narrative.length).toBeGreaterThan(0);
		expect(a.achievementType).toBe('Certificate');
		expect(a.creditsAvailable).toBe(5.5);
		expect(c.description).toContain(c.id); // where revocation is checked
		expect(c).not.toHaveProperty('credentialStatus');
		expect(c.evidence?.map((e) => e.name)).toEqual([
			'Pain Science for Massage Therapists',
			'Fascia: What the Evidence Says'
		]);
		expect(JSON.stringify(c)).not.toMatch(/CEU/i);
	});

	it('identifies the holder by a salted hash of the email, never the email itself', () => {
		const c = buildOpenBadgeCredential(input());
		const [id] = c.credentialSubject.identifier;
		expect(id).toEqual({
			type: 'IdentityObject',
			identityHash: hashEmailIdentity('zoe@example.org', 'pepper-and-salt'),
			identityType: 'emailAddress',
			hashed: true,
			salt: 'pepper-and-salt'
		});
		expect(id.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
		expect(JSON.stringify(c).toLowerCase()).not.toContain('zoe@example.org');
	});

	it('hashes email + salt exactly as the OB 3.0 IdentityHash example does', () => {
		expect(hashEmailIdentity('a@example.com', 'Kosher')).toBe(
			'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399'
		);
	});

	it('salts randomly when no salt is given', () => {
		const a = buildOpenBadgeCredential(input({ salt: undefined }));
		const b = buildOpenBadgeCredential(input({ salt: undefined }));
		expect(a.credentialSubject.identifier[0].salt).not.toBe(b.credentialSubject.identifier[0].salt);
	});

	it('records the NCBTMB provider number on the issuer only when there is one', () => {
		expect(buildOpenBadgeCredential(input()).issuer.otherIdentifier?.[0].identifier).toBe('1234');
		expect(buildOpenBadgeCredential(input({ providerNumber: null })).issuer).not.toHaveProperty('otherIdentifier');
	});

	it('normalizes the origin and escapes path parts', () => {
		expect(verifyUrl('https://learn.example.org/some/path/', 'A B')).toBe('https://learn.example.org/verify/A%20B');
		expect(() => buildOpenBadgeCredential(input({ origin: 'javascript:alert(1)' }))).toThrow(/origin/);
	});
});

describe('signCredential / verifyCredentialJwt', () => {
	it('verifies with the public key alone and returns the credential unchanged', async () => {
		const credential = buildOpenBadgeCredential(input());
		const jwt = await signCredential(credential, issuer.privateJwk, { kid: issuer.kid, verificationMethodUrl: JWKS_URL });
		const result = await verifyCredentialJwt(jwt, issuer.publicJwk, { currentDate: new Date('2027-01-01T00:00:00Z') });
		expect(result).toEqual({ valid: true, credential, kid: `${JWKS_URL}#${issuer.kid}` });
	});

	it('uses a VC-JWT header and puts the credential itself in the claims set, with iss/jti/nbf/exp', async () => {
		const credential = buildOpenBadgeCredential(input());
		const jwt = await signCredential(credential, issuer.privateJwk, { kid: issuer.kid });
		expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: issuer.kid });
		const claims = decodeJwt(jwt);
		expect(claims).toMatchObject({
			...credential,
			iss: `${ORIGIN}/issuer`,
			jti: credential.id,
			nbf: Date.parse('2026-03-04T10:00:00Z') / 1000,
			exp: Date.parse('2028-03-04T10:00:00Z') / 1000
		});
		expect(claims).not.toHaveProperty('vc');
		expect(claims).not.toHaveProperty('sub');
	});

	it('rejects a payload changed after signing', async () => {
		const jwt = await signCredential(buildOpenBadgeCredential(input()), issuer.privateJwk, { kid: issuer.kid });
		const tampered = withPayload(jwt, (p) => {
			const subject = p.credentialSubject as { achievement: { creditsAvailable: number } };
			subject.achievement.creditsAvailable = 50;
		});
		const now = { currentDate: new Date('2027-01-01T00:00:00Z') };
		expect(await verifyCredentialJwt(tampered, issuer.publicJwk, now)).toEqual({ valid: false, reason: 'bad_signature' });
	});

	it('rejects a credential signed by a different key', async () => {
		const jwt = await signCredential(buildOpenBadgeCredential(input()), other.privateJwk, { kid: other.kid });
		const now = { currentDate: new Date('2027-01-01T00:00:00Z') };
		expect(await verifyCredentialJwt(jwt, issuer.publicJwk, now)).toEqual({ valid: false, reason: 'bad_signature' });
	});

	it('reports expired and not-yet-valid credentials', async () => {
		const jwt = await signCredential(buildOpenBadgeCredential(input()), issuer.privateJwk, { kid: issuer.kid });
		expect(await verifyCredentialJwt(jwt, issuer.publicJwk, { currentDate: new Date('2028-03-05T00:00:00Z') })).toEqual({
			valid: false,
			reason: 'expired'
		});
		expect(await verifyCredentialJwt(jwt, issuer.publicJwk, { currentDate: new Date('2026-03-01T00:00:00Z') })).toEqual({
			valid: false,
			reason: 'not_yet_valid'
		});
	});

	it('rejects garbage, tokens of another type, and signed JWTs that are not Open Badges', async () => {
		expect(await verifyCredentialJwt('not.a.jwt', issuer.publicJwk)).toEqual({ valid: false, reason: 'malformed' });
		const accessToken = await new SignJWT({ hello: 'world' })
			.setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
			.sign(issuer.privateJwk);
		expect(await verifyCredentialJwt(accessToken, issuer.publicJwk)).toEqual({ valid: false, reason: 'wrong_type' });
		const plain = await new SignJWT({ hello: 'world' })
			.setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
			.setIssuer('https://learn.example.org/issuer')
			.setJti('x')
			.setNotBefore(0)
			.sign(issuer.privateJwk);
		expect(await verifyCredentialJwt(plain, issuer.publicJwk)).toEqual({ valid: false, reason: 'not_open_badge' });
	});

	it('rejects a signed token whose claims disagree with the credential it carries', async () => {
		const credential = buildOpenBadgeCredential(input());
		const forged = await new SignJWT({ ...credential })
			.setProtectedHeader({ alg: 'EdDSA', typ: CREDENTIAL_JWT_TYP })
			.setIssuer('https://someone-else.example')
			.setJti(credential.id)
			.setNotBefore(Date.parse(credential.validFrom) / 1000)
			.sign(issuer.privateJwk);
		const now = { currentDate: new Date('2027-01-01T00:00:00Z') };
		expect(await verifyCredentialJwt(forged, issuer.publicJwk, now)).toEqual({ valid: false, reason: 'claims_mismatch' });
	});

	it('refuses to sign without the private key', async () => {
		await expect(
			signCredential(buildOpenBadgeCredential(input()), issuer.publicJwk, { kid: issuer.kid })
		).rejects.toThrow(/private/);
	});
});

describe('issuerJwks', () => {
	it('publishes the public key with kid, alg and use, and refuses a private key', () => {
		const jwks = issuerJwks(issuer.publicJwk, issuer.kid);
		expect(jwks).toEqual({ keys: [{ ...issuer.publicJwk, kid: issuer.kid, alg: 'EdDSA', use: 'sig' }] });
		expect(jwks.keys[0]).not.toHaveProperty('d');
		expect(() => issuerJwks(issuer.privateJwk, issuer.kid)).toThrow(/private/);
	});

	it('verifies against the key as published', async () => {
		const jwt = await signCredential(buildOpenBadgeCredential(input()), issuer.privateJwk, { kid: issuer.kid });
		const [published] = issuerJwks(issuer.publicJwk, issuer.kid).keys;
		const result = await verifyCredentialJwt(jwt, published, { currentDate: new Date('2027-01-01T00:00:00Z') });
		expect(result.valid).toBe(true);
	});
});
