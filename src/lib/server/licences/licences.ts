// A learner's licences. Each edit is a new version (licence_versions) so a certificate keeps naming the licence
// as it was when issued; removing a licence marks it removed and keeps every version.

import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { LicenceForm } from '$lib/compliance/licence-rules';
import { db, table } from '../db';

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export interface CurrentLicence {
	licenceId: number;
	versionId: number;
	version: number;
	jurisdiction: string;
	number: string;
	profession: string;
	reportConsent: boolean;
	since: Date;
}

/** The learner's licences as they stand now (latest version of each licence not removed), oldest first. */
export async function listLicences(userId: number, conn: typeof db | Tx = db): Promise<CurrentLicence[]> {
	const rows = await conn
		.select({
			licenceId: table.licences.id,
			jurisdiction: table.licences.jurisdiction,
			versionId: table.licenceVersions.id,
			version: table.licenceVersions.version,
			number: table.licenceVersions.number,
			profession: table.licenceVersions.profession,
			reportConsent: table.licenceVersions.reportConsent,
			since: table.licenceVersions.createdAt
		})
		.from(table.licences)
		.innerJoin(table.licenceVersions, eq(table.licenceVersions.licenceId, table.licences.id))
		.where(and(eq(table.licences.userId, userId), isNull(table.licences.removedAt)))
		.orderBy(table.licences.id, desc(table.licenceVersions.version));
	const latest = new Map<number, CurrentLicence>();
	for (const r of rows) if (!latest.has(r.licenceId)) latest.set(r.licenceId, r);
	return [...latest.values()];
}

/** Every version of the learner's licences, newest first (the history shown under each licence). */
export async function licenceHistory(userId: number) {
	const owned = await db.select({ id: table.licences.id }).from(table.licences).where(eq(table.licences.userId, userId));
	if (owned.length === 0) return [];
	return db
		.select()
		.from(table.licenceVersions)
		.where(inArray(table.licenceVersions.licenceId, owned.map((o) => o.id)))
		.orderBy(desc(table.licenceVersions.createdAt), desc(table.licenceVersions.id));
}

export class LicenceError extends Error {}

/** Adds a licence. A learner holds one licence per jurisdiction: a second one for the same place is refused. */
export async function addLicence(userId: number, form: LicenceForm): Promise<number> {
	return db.transaction(async (tx) => {
		const existing = (await listLicences(userId, tx)).find((l) => l.jurisdiction === form.jurisdiction);
		if (existing) throw new LicenceError('You already have a licence there: change it instead of adding another.');
		const [licence] = await tx.insert(table.licences).values({ userId, jurisdiction: form.jurisdiction }).returning({ id: table.licences.id });
		await tx.insert(table.licenceVersions).values({
			licenceId: licence.id,
			version: 1,
			number: form.number,
			profession: form.profession,
			reportConsent: form.consent
		});
		return licence.id;
	});
}

/** Records a new version of one of the learner's licences (the jurisdiction stays). False when nothing changed. */
export async function updateLicence(userId: number, licenceId: number, form: LicenceForm): Promise<boolean> {
	return db.transaction(async (tx) => {
		const current = (await listLicences(userId, tx)).find((l) => l.licenceId === licenceId);
		if (!current) throw new LicenceError('That licence is not one of yours.');
		// The number was checked against the posted jurisdiction; it must be the licence's own.
		if (current.jurisdiction !== form.jurisdiction) throw new LicenceError('A licence cannot move to another jurisdiction: add a new one.');
		if (current.number === form.number && current.profession === form.profession && current.reportConsent === form.consent)
			return false;
		await tx.insert(table.licenceVersions).values({
			licenceId,
			version: current.version + 1,
			number: form.number,
			profession: form.profession,
			reportConsent: form.consent
		});
		return true;
	});
}

/** Stops using a licence; its versions stay, because certificates and reports name them. */
export async function removeLicence(userId: number, licenceId: number): Promise<boolean> {
	const removed = await db
		.update(table.licences)
		.set({ removedAt: new Date() })
		.where(and(eq(table.licences.id, licenceId), eq(table.licences.userId, userId), isNull(table.licences.removedAt)))
		.returning({ id: table.licences.id });
	return removed.length > 0;
}
