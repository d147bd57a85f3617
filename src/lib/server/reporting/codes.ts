// CE Broker's codes, entered by an admin: a profession code per jurisdiction and profession, and a course number
// per jurisdiction and course. Changes are recorded in the audit log.

import { recordAudit } from '../audit/record';
import { db, table } from '../db';

export type CodeKind = 'profession' | 'course';

export const codeKey = (jurisdiction: string, id: string) => `${jurisdiction}:${id}`;

export async function listReportingCodes(): Promise<Map<string, string>> {
	const rows = await db.select().from(table.reportingCodes);
	return new Map(rows.map((r) => [`${r.kind}|${r.key}`, r.value]));
}

export function codeOf(codes: Map<string, string>, kind: CodeKind, key: string): string | null {
	return codes.get(`${kind}|${key}`) ?? null;
}

/** Saves the codes given (an empty value clears one) and records what changed, in one transaction. */
export async function saveReportingCodes(actorId: number, entries: { kind: CodeKind; key: string; value: string }[]) {
	const before = await listReportingCodes();
	const changed = entries.filter((e) => (before.get(`${e.kind}|${e.key}`) ?? '') !== e.value);
	if (changed.length === 0) return 0;
	await db.transaction(async (tx) => {
		for (const e of changed) {
			await tx
				.insert(table.reportingCodes)
				.values({ ...e, updatedAt: new Date() })
				.onConflictDoUpdate({ target: [table.reportingCodes.kind, table.reportingCodes.key], set: { value: e.value, updatedAt: new Date() } });
		}
		await recordAudit('reporting.codes', actorId, 'reporting', changed.map((e) => `${e.kind} ${e.key} = ${e.value || '(cleared)'}`).join('; '), tx);
	});
	return changed.length;
}
