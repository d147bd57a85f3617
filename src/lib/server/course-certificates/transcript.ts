// A learner's transcript: every CE certificate (course certificates not revoked) with its date, hours, category and
// licence, grouped by the renewal cycles of the profiles the learner tracks (one "all" group when none).

import { formatDate } from '$lib/format';
import { eq } from 'drizzle-orm';
import { cycleContaining } from '$lib/certification/ce-cycles';
import { findJurisdiction } from '$lib/compliance/jurisdictions';
import { db, table } from '../db';
import { findCeProfile, listProfileChoices } from '../certification/renewal';

export interface TranscriptRow {
	code: string;
	title: string;
	approval: string;
	completedOn: string;
	hours: number;
	category: string;
	licences: string;
}

export interface TranscriptGroup {
	label: string;
	rows: TranscriptRow[];
	hours: number;
}

export interface Transcript {
	holderName: string;
	holderEmail: string;
	rows: TranscriptRow[];
	groups: TranscriptGroup[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function buildTranscript(userId: number): Promise<Transcript> {
	const [user] = await db.select({ name: table.users.name, email: table.users.email }).from(table.users).where(eq(table.users.id, userId));
	const certificates = await db.select().from(table.courseCertificates).where(eq(table.courseCertificates.userId, userId));
	const live = certificates.filter((c) => !c.revokedAt).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
	const rows: (TranscriptRow & { at: Date })[] = live.map((c) => ({
		at: c.completedAt,
		code: c.code,
		title: c.approvedTitle,
		approval: `${c.approvalBody} #${c.approvalNumber}`,
		completedOn: day(c.completedAt),
		hours: c.ceQuarterHours / 4,
		category: c.category,
		licences: c.licences.map((l) => `${findJurisdiction(l.jurisdiction)?.name ?? l.jurisdiction} ${l.number}`).join('; ')
	}));
	const sum = (list: TranscriptRow[]) => list.reduce((s, r) => s + r.hours, 0);
	const strip = ({ at: _at, ...row }: TranscriptRow & { at: Date }): TranscriptRow => row;
	const groups: TranscriptGroup[] = [];
	for (const choice of await listProfileChoices(userId)) {
		const profile = findCeProfile(choice.profileId);
		if (!profile) continue;
		const first = new Date(`${choice.cycleStart}T00:00:00Z`);
		const byCycle = new Map<string, TranscriptRow[]>();
		for (const r of rows) {
			if (r.at < first) continue;
			const cycle = cycleContaining(first, profile.cycleMonths, r.at);
			const label = `${profile.label.split(',')[0]}: cycle ${formatDate(cycle.start, 'UTC')} to ${formatDate(cycle.end, 'UTC')}`;
			byCycle.set(label, [...(byCycle.get(label) ?? []), strip(r)]);
		}
		for (const [label, list] of byCycle) groups.push({ label, rows: list, hours: sum(list) });
	}
	const all = rows.map(strip);
	if (groups.length === 0 && all.length) groups.push({ label: 'All CE certificates', rows: all, hours: sum(all) });
	return { holderName: user?.name ?? '', holderEmail: user?.email ?? '', rows: all, groups };
}
