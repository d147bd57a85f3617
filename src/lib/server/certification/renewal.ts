// A student's renewal profiles (which board's CE rules they track, and when their current cycle began) and how
// their ledger stands against each. The rules themselves live in lessons/ce-profiles.yaml and $lib/certification.

import { and, asc, eq } from 'drizzle-orm';
import { evaluateCycle, type CycleEvaluation } from '$lib/certification/ce-cycles';
import type { CeProfile } from '$lib/certification/schema';
import { db, table } from '../db';
import { catalog } from '../content/catalog';
import { listLedger, toCycleEntries, type LedgerEntry } from './ledger';

export function findCeProfile(id: string): CeProfile | null {
	return catalog.ceProfiles.find((p) => p.id === id) ?? null;
}

export async function listProfileChoices(userId: number) {
	return db
		.select({ profileId: table.ceProfileChoices.profileId, cycleStart: table.ceProfileChoices.cycleStart })
		.from(table.ceProfileChoices)
		.where(eq(table.ceProfileChoices.userId, userId))
		.orderBy(asc(table.ceProfileChoices.profileId));
}

/** Adds the profile, or moves its cycle start when the student already tracks it. */
export async function saveProfileChoice(userId: number, profileId: string, cycleStart: string): Promise<void> {
	await db
		.insert(table.ceProfileChoices)
		.values({ userId, profileId, cycleStart })
		.onConflictDoUpdate({
			target: [table.ceProfileChoices.userId, table.ceProfileChoices.profileId],
			set: { cycleStart }
		});
}

/** Stops tracking a profile (a preference, not a record: the ledger itself is untouched). */
export async function removeProfileChoice(userId: number, profileId: string): Promise<boolean> {
	const removed = await db
		.delete(table.ceProfileChoices)
		.where(and(eq(table.ceProfileChoices.userId, userId), eq(table.ceProfileChoices.profileId, profileId)))
		.returning({ profileId: table.ceProfileChoices.profileId });
	return removed.length > 0;
}

export interface ProfileStanding {
	profile: CeProfile;
	cycleStart: string;
	evaluation: CycleEvaluation;
}

/** The ledger, and each chosen profile's standing for the cycle containing `now`. */
export async function getRenewalOverview(userId: number, now = new Date()) {
	const [entries, choices] = await Promise.all([listLedger(userId), listProfileChoices(userId)]);
	return { entries, standings: evaluateChoices(entries, choices, now) };
}

export function evaluateChoices(
	entries: readonly LedgerEntry[],
	choices: readonly { profileId: string; cycleStart: string }[],
	now: Date
): ProfileStanding[] {
	const cycleEntries = toCycleEntries(entries);
	const standings: ProfileStanding[] = [];
	for (const choice of choices) {
		const profile = findCeProfile(choice.profileId);
		if (!profile) continue; // a profile removed from ce-profiles.yaml is no longer shown
		const start = new Date(`${choice.cycleStart}T00:00:00Z`);
		if (Number.isNaN(start.getTime())) continue;
		standings.push({ profile, cycleStart: choice.cycleStart, evaluation: evaluateCycle(profile, cycleEntries, start, now) });
	}
	return standings;
}
