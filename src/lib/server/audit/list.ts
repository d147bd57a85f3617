// Reading the audit log for /admin/audit: newest first, filtered by action, paged by id (keyset), so events
// appended while an admin reads never shift a page. Actors and targets are resolved in a fixed number of batched
// queries, never one per row.

import { and, asc, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { AuditAction } from '$lib/audit/actions';
import { describeAuditEvent, emptyAuditNames, findAuditRefs, type AuditNames } from '$lib/audit/describe';
import { db, table } from '../db';

export const AUDIT_PAGE_SIZE = 50;

export type AuditCursor = { before: number } | { after: number } | null;

export interface AuditRow {
	id: number;
	at: Date;
	action: string;
	/** null when no account acted, or the account has since been deleted (actor_id is set to null then). */
	actor: { id: number; name: string; email: string } | null;
	target: string | null;
	/** What the target is now, in words ("Sam Student <sam@example.org>", "The Science of Massage"), when known. */
	targetLabel: string | null;
	detail: string | null;
	/** The event in words, with names for the ids it stores ("Assigned Ines Instructor to The Science of Massage"). */
	summary: string;
}

export interface AuditPage {
	rows: AuditRow[];
	/** Id to pass as ?after= for the newer page, or null when this is the newest. */
	newer: number | null;
	/** Id to pass as ?before= for the older page, or null when there is nothing older. */
	older: number | null;
}

export async function listAuditPage(action: AuditAction | null, cursor: AuditCursor, limit = AUDIT_PAGE_SIZE): Promise<AuditPage> {
	const e = table.auditEvents;
	const byAction = action ? eq(e.action, action) : undefined;
	const ascending = cursor !== null && 'after' in cursor;
	const bound = cursor === null ? undefined : 'after' in cursor ? gt(e.id, cursor.after) : lt(e.id, cursor.before);
	const fetched = await db
		.select({
			id: e.id,
			at: e.at,
			action: e.action,
			actorId: e.actorId,
			target: e.target,
			detail: e.detail,
			actorName: table.users.name,
			actorEmail: table.users.email
		})
		.from(e)
		.leftJoin(table.users, eq(table.users.id, e.actorId))
		.where(and(byAction, bound))
		.orderBy(ascending ? asc(e.id) : desc(e.id))
		.limit(limit + 1);
	const more = fetched.length > limit;
	const page = fetched.slice(0, limit);
	if (ascending) page.reverse();
	if (page.length === 0) return { rows: [], newer: null, older: null };

	const newestId = page[0].id;
	const oldestId = page[page.length - 1].id;
	// The side the cursor came from is known to exist only if something matching lies beyond this page.
	const [hasNewer, hasOlder] = ascending
		? [more, await exists(and(byAction, lt(e.id, oldestId)))]
		: [cursor !== null && (await exists(and(byAction, gt(e.id, newestId)))), more];

	const { labels, names } = await describeTargets(page);
	return {
		rows: page.map((r) => ({
			id: r.id,
			at: r.at,
			action: r.action,
			actor: r.actorId !== null && r.actorName !== null ? { id: r.actorId, name: r.actorName, email: r.actorEmail ?? '' } : null,
			target: r.target,
			targetLabel: r.target ? (labels.get(r.target) ?? null) : null,
			detail: r.detail,
			summary: describeAuditEvent(r, names)
		})),
		newer: hasNewer ? newestId : null,
		older: hasOlder ? oldestId : null
	};
}

async function exists(where: ReturnType<typeof and>): Promise<boolean> {
	const rows = await db.select({ id: table.auditEvents.id }).from(table.auditEvents).where(where).limit(1);
	return rows.length > 0;
}

/**
 * Names for every record the page's events refer to, in their targets and details: one query per kind of record.
 * labels: "user:12" → "Name <email>", "course:3" → title, "quiz:7" → title, "certificate:5" → code and holder.
 */
async function describeTargets(events: { target: string | null; detail: string | null; action: string }[]): Promise<{ labels: Map<string, string>; names: AuditNames }> {
	const ids = { user: new Set<number>(), course: new Set<number>(), quiz: new Set<number>(), certificate: new Set<number>() };
	for (const event of events) for (const ref of findAuditRefs(event)) ids[ref.kind].add(ref.id);
	const labels = new Map<string, string>();
	const names = emptyAuditNames();
	const list = (set: Set<number>) => [...set];
	const [users, courses, quizzes, certificates] = await Promise.all([
		ids.user.size
			? db.select({ id: table.users.id, name: table.users.name, email: table.users.email }).from(table.users).where(inArray(table.users.id, list(ids.user)))
			: [],
		ids.course.size
			? db.select({ id: table.courses.id, title: table.courses.title }).from(table.courses).where(inArray(table.courses.id, list(ids.course)))
			: [],
		ids.quiz.size
			? db.select({ id: table.quizzes.id, title: table.quizzes.title }).from(table.quizzes).where(inArray(table.quizzes.id, list(ids.quiz)))
			: [],
		ids.certificate.size
			? db
					.select({ id: table.certificates.id, code: table.certificates.code, holder: table.certificates.holderName })
					.from(table.certificates)
					.where(inArray(table.certificates.id, list(ids.certificate)))
			: []
	]);
	for (const u of users) labels.set(`user:${u.id}`, `${u.name} <${u.email}>`);
	for (const c of courses) labels.set(`course:${c.id}`, c.title);
	for (const q of quizzes) labels.set(`quiz:${q.id}`, q.title);
	for (const c of certificates) labels.set(`certificate:${c.id}`, `${c.code} (${c.holder})`);
	for (const u of users) names.user.set(u.id, u.name);
	for (const c of courses) names.course.set(c.id, c.title);
	for (const q of quizzes) names.quiz.set(q.id, q.title);
	for (const c of certificates) names.certificate.set(c.id, `${c.code} (${c.holder})`);
	return { labels, names };
}
