// The transcript as one signed credential: a CLR 2.0-style set (ClrCredential) whose subject lists each course
// certificate as an achievement with its CE hours, signed as a VC-JWT with the same Ed25519 issuer key as the
// badges, so anyone can check it against the keys published at /issuer/keys.

import { SignJWT } from 'jose';
import { VC_CONTEXT_V2, hashEmailIdentity } from '../certification/credential';
import { CREDENTIAL_JWT_ALG, CREDENTIAL_JWT_TYP } from '../certification/credential-types';
import { issuerId, publicKeyId, verificationUrl } from '../certification/documents';
import { getIssuerKey } from '../certification/issuer-key';
import { randomSalt } from '../certification/issue';
import { formatCeHours } from '$lib/format';
import type { Transcript } from './transcript';

export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

export function buildTranscriptCredential(t: Transcript, provider: { name: string; number: string | null }, now: Date) {
	const salt = randomSalt();
	return {
		'@context': [VC_CONTEXT_V2, CLR_CONTEXT],
		id: `urn:uuid:${crypto.randomUUID()}`,
		type: ['VerifiableCredential', 'ClrCredential'],
		name: `CE transcript of ${t.holderName}`,
		issuer: {
			id: issuerId(),
			type: ['Profile'],
			name: provider.name,
			...(provider.number
				? { otherIdentifier: [{ type: ['IdentifierEntry'], identifier: provider.number, identifierType: 'ext:NCBTMBApprovedProviderNumber' }] }
				: {})
		},
		validFrom: now.toISOString(),
		credentialSubject: {
			type: ['ClrSubject'],
			identifier: [{ type: ['IdentityObject'], identityHash: hashEmailIdentity(t.holderEmail, salt), identityType: 'emailAddress', hashed: true, salt }],
			achievement: t.rows.map((r) => ({
				id: verificationUrl(r.code),
				type: ['Achievement'],
				achievementType: 'Course',
				name: r.title,
				description: `Home Study, ${formatCeHours(r.hours)}, ${r.category}; completed ${r.completedOn}; ${r.approval}` + (r.licences ? `; licence ${r.licences}` : ''),
				creditsAvailable: r.hours,
				criteria: { narrative: 'Complete every lesson, pass the graded final exam and submit the course evaluation.' }
			}))
		}
	};
}

export async function signTranscript(t: Transcript, provider: { name: string; number: string | null }, now = new Date()): Promise<string> {
	const credential = buildTranscriptCredential(t, provider, now);
	const key = await getIssuerKey();
	return new SignJWT({ ...credential })
		.setProtectedHeader({ alg: CREDENTIAL_JWT_ALG, typ: CREDENTIAL_JWT_TYP, kid: publicKeyId(key.kid) })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setNotBefore(Math.floor(now.getTime() / 1000))
		.sign(key.privateJwk);
}
