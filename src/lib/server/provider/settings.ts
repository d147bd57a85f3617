// The provider's details, set by an admin at /admin/provider and printed on every certificate. Until an admin saves
// them, the environment's PROVIDER_NAME and PROVIDER_NUMBER stand in, and the certificate says what is missing.

import { eq } from 'drizzle-orm';
import type { ProviderInput } from '$lib/validation/provider';
import { recordAudit } from '../audit/record';
import { db, table } from '../db';
import { config } from '../env';

export interface Provider {
	name: string;
	providerNumber: string | null;
	contact: string;
	signatoryName: string | null;
	signatoryTitle: string | null;
	signaturePng: Uint8Array | null;
	configured: boolean;
}

const ROW_ID = 1;

export async function getProvider(): Promise<Provider> {
	const [row] = await db.select().from(table.providerSettings).where(eq(table.providerSettings.id, ROW_ID));
	if (!row)
		return {
			name: config.PROVIDER_NAME,
			providerNumber: config.PROVIDER_NUMBER?.trim() || null,
			contact: new URL(config.ORIGIN).origin,
			signatoryName: null,
			signatoryTitle: null,
			signaturePng: null,
			configured: false
		};
	return {
		name: row.name,
		providerNumber: row.providerNumber,
		contact: row.contact,
		signatoryName: row.signatoryName,
		signatoryTitle: row.signatoryTitle,
		signaturePng: row.signaturePng ? Buffer.from(row.signaturePng, 'base64') : null,
		configured: true
	};
}

/**
 * Saves the details and records the change in the audit log, in one transaction. `signature`: new PNG bytes,
 * `null` to remove it, `undefined` to keep the current one.
 */
export async function saveProvider(actorId: number, input: ProviderInput, signature: Uint8Array | null | undefined) {
	await db.transaction(async (tx) => {
		const values = {
			...input,
			...(signature !== undefined ? { signaturePng: signature ? Buffer.from(signature).toString('base64') : null } : {}),
			updatedAt: new Date(),
			updatedBy: actorId
		};
		await tx
			.insert(table.providerSettings)
			.values({ id: ROW_ID, ...values })
			.onConflictDoUpdate({ target: table.providerSettings.id, set: values });
		const detail = `${input.name}, #${input.providerNumber}, ${input.contact}, signed by ${input.signatoryName} (${input.signatoryTitle})` +
			(signature === undefined ? '' : signature ? ', new signature image' : ', signature image removed');
		await recordAudit('provider.update', actorId, 'provider', detail, tx);
	});
}
