// How a therapist's logged CE hours stand against a renewal profile (lessons/ce-profiles.yaml) in the current
// renewal cycle. Pure: entries come from the caller.
//
// Rules, in order:
//   1. The cycle. Cycles are `profile.cycleMonths` calendar months long and repeat back to back from `cycleStart`
//      (cycle k runs from cycleStart + k·cycleMonths to cycleStart + (k+1)·cycleMonths, each computed from
//      cycleStart so month-end clamping never drifts). The cycle evaluated is the one containing `now`, so when
//      `now` is past the first cycle's end the result describes a later cycle, with its own start and end. When
//      `now` is before `cycleStart`, the first cycle is evaluated (and a warning says it has not started).
//   2. No carry-over. Only entries dated within [cycleStart, cycleEnd) count: an entry on the start instant
//      counts, one on the end instant belongs to the next cycle, and hours from earlier cycles never count.
//   3. Category caps (`maximums`) limit how many hours of a category count toward the total.
//   4. The self-study cap (`maxSelfStudyHours`) limits how many self-study hours count toward the total. In-person
//      hours fill each category's cap first; the self-study hours that still fit are then given first to categories
//      short of their minimum, so the cap hurts the minimums as little as possible.
//   5. Minimums per category are checked against the hours counted in that category.
//   6. Self-reported hours count, but are reported (selfReportedHours, per category, and a warning) so the
//      therapist can check they come from a provider their board accepts.
//
// Dates are compared as instants and months are added in UTC; store date-only values as UTC midnight.
// Hours are summed in hundredths of an hour to avoid floating-point drift (0.1 + 0.2 ≠ 0.3).

import { formatCeHours, formatDate } from '../format';
import { ceHourCategories, isCeHourCategory, type CeProfile } from './schema';
import { addCalendarMonths } from './track-rules';

export interface CeEntry {
	date: Date;
	hours: number;
	category: string;
	/** Logged by the therapist rather than recorded by Touchstone (e.g. a course taken elsewhere). */
	selfReported: boolean;
	/** Home study / self-study rather than live, in-person instruction. */
	selfStudy: boolean;
}

export interface CategoryStanding {
	category: string;
	/** Hours earned in this category during the cycle. */
	earned: number;
	/** Hours that count toward the total after the category cap and the self-study cap. */
	counted: number;
	min?: number;
	max?: number;
	/** Hours still needed to reach the minimum (0 when there is no minimum or it is met). */
	missing: number;
	/** Of the earned hours, how many are self-reported. */
	selfReported: number;
}

export interface CycleEvaluation {
	cycleStart: Date;
	/** First instant after the cycle: hours must be earned before it. */
	cycleEnd: Date;
	/** Whole days from now until cycleEnd, rounded up (a part day counts as a day); 0 once it has passed. */
	daysLeft: number;
	/** daysLeft ≤ 60. */
	deadlineNear: boolean;
	totalCounted: number;
	totalRequired: number;
	missingTotal: number;
	/** Categories with a minimum or maximum in the profile, then any other category with hours, in a fixed order. */
	byCategory: CategoryStanding[];
	/** Present when the profile caps self-study. */
	selfStudyCapped?: { earned: number; counted: number; cap: number };
	/** Hours earned in the cycle that are self-reported (they count, but should be checked). */
	selfReportedHours: number;
	/** Total and every minimum met. */
	complete: boolean;
	warnings: string[];
}

export const DEADLINE_NEAR_DAYS = 60;
const DAY_MS = 86_400_000;

// Hundredths of an hour.
const toCenti = (hours: number) => Math.round(hours * 100);
const fromCenti = (centi: number) => centi / 100;

// Cycle boundaries are UTC midnights, so their day is read in UTC.
const dayOf = (date: Date) => formatDate(date, 'UTC');

function assertValidDate(date: Date, name: string): void {
	if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date`);
}

/** The cycle containing `now` (or the first cycle when now is before cycleStart), and its index from 0. */
export function cycleContaining(
	firstStart: Date,
	cycleMonths: number,
	now: Date
): { index: number; start: Date; end: Date } {
	assertValidDate(firstStart, 'cycleStart');
	assertValidDate(now, 'now');
	if (!Number.isInteger(cycleMonths) || cycleMonths < 1) throw new RangeError('cycleMonths must be at least 1');
	const t = now.getTime();
	const startOf = (k: number) => addCalendarMonths(firstStart, k * cycleMonths);
	if (t < firstStart.getTime()) return { index: 0, start: firstStart, end: startOf(1) };
	const monthsApart =
		(now.getUTCFullYear() - firstStart.getUTCFullYear()) * 12 + (now.getUTCMonth() - firstStart.getUTCMonth());
	let k = Math.max(0, Math.floor(monthsApart / cycleMonths));
	while (k > 0 && startOf(k).getTime() > t) k--;
	while (startOf(k + 1).getTime() <= t) k++;
	return { index: k, start: startOf(k), end: startOf(k + 1) };
}

interface CategoryTally {
	inPerson: number;
	selfStudy: number;
	selfReported: number;
}

/** Evaluates a therapist's CE entries against a renewal profile for the cycle containing `now` (see rules above). */
export function evaluateCycle(
	profile: CeProfile,
	entries: readonly CeEntry[],
	cycleStart: Date,
	now: Date
): CycleEvaluation {
	const { index, start, end } = cycleContaining(cycleStart, profile.cycleMonths, now);
	const warnings: string[] = [];
	const nowMs = now.getTime();

	if (nowMs < start.getTime())
		warnings.push(`This cycle has not started yet: it runs from ${dayOf(start)} to ${dayOf(end)}.`);
	else if (index > 0)
		warnings.push(
			`Showing the cycle that runs from ${dayOf(start)} to ${dayOf(end)}; hours from earlier cycles do not carry over.`
		);

	// Tally entries in the cycle by category; note those outside it.
	const tallies = new Map<string, CategoryTally>();
	let before = 0;
	let after = 0;
	const unknown = new Set<string>();
	for (const entry of entries) {
		assertValidDate(entry.date, 'entry date');
		if (!Number.isFinite(entry.hours) || entry.hours < 0)
			throw new RangeError(`entry hours must be a non-negative number (got ${entry.hours})`);
		const centi = toCenti(entry.hours);
		const at = entry.date.getTime();
		if (at < start.getTime()) {
			before += centi;
			continue;
		}
		if (at >= end.getTime()) {
			after += centi;
			continue;
		}
		if (!isCeHourCategory(entry.category)) unknown.add(entry.category);
		const tally = tallies.get(entry.category) ?? { inPerson: 0, selfStudy: 0, selfReported: 0 };
		if (entry.selfStudy) tally.selfStudy += centi;
		else tally.inPerson += centi;
		if (entry.selfReported) tally.selfReported += centi;
		tallies.set(entry.category, tally);
	}

	// The categories to report: those the profile names, then the others with hours, in a stable order.
	const minimums = profile.minimums as Record<string, number | undefined>;
	const maximums = profile.maximums as Record<string, number | undefined>;
	const named = new Set([...Object.keys(minimums), ...Object.keys(maximums)]);
	const rank = (c: string) => {
		const i = (ceHourCategories as readonly string[]).indexOf(c);
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	const order = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
	const categories = [
		...[...named].sort(order),
		...[...tallies.keys()].filter((c) => !named.has(c)).sort(order)
	];

	// Step 1: in-person hours fill each category up to its cap.
	const rows = categories.map((category) => {
		const tally = tallies.get(category) ?? { inPerson: 0, selfStudy: 0, selfReported: 0 };
		const min = minimums[category];
		const max = maximums[category];
		const cap = max === undefined ? Infinity : toCenti(max);
		const inPersonCounted = Math.min(tally.inPerson, cap);
		const selfStudyRoom = Math.min(tally.selfStudy, cap - inPersonCounted);
		return { category, tally, min, max, inPersonCounted, selfStudyRoom, selfStudyCounted: 0 };
	});

	// Step 2: self-study hours that fit under the caps, limited by the self-study cap, shortfalls first.
	const selfStudyEarned = rows.reduce((sum, r) => sum + r.tally.selfStudy, 0);
	let selfStudyLeft =
		profile.maxSelfStudyHours === undefined ? Infinity : toCenti(profile.maxSelfStudyHours);
	for (const row of rows) {
		const shortfall = row.min === undefined ? 0 : Math.max(0, toCenti(row.min) - row.inPersonCounted);
		const give = Math.min(row.selfStudyRoom, shortfall, selfStudyLeft);
		row.selfStudyCounted += give;
		selfStudyLeft -= give;
	}
	for (const row of rows) {
		const give = Math.min(row.selfStudyRoom - row.selfStudyCounted, selfStudyLeft);
		row.selfStudyCounted += give;
		selfStudyLeft -= give;
	}

	// Step 3: totals, minimums and warnings.
	let totalCounted = 0;
	let selfStudyCounted = 0;
	let selfReported = 0;
	let minimumsMet = true;
	const byCategory: CategoryStanding[] = rows.map((row) => {
		const earned = row.tally.inPerson + row.tally.selfStudy;
		const counted = row.inPersonCounted + row.selfStudyCounted;
		const missing = row.min === undefined ? 0 : Math.max(0, toCenti(row.min) - counted);
		totalCounted += counted;
		selfStudyCounted += row.selfStudyCounted;
		selfReported += row.tally.selfReported;
		if (missing > 0) minimumsMet = false;
		if (row.max !== undefined && earned > toCenti(row.max))
			warnings.push(
				`${row.category}: ${formatCeHours(fromCenti(earned))} earned but at most ${formatCeHours(row.max)} count toward the total.`
			);
		if (missing > 0)
			warnings.push(
				`${row.category}: ${formatCeHours(fromCenti(missing))} more needed (minimum ${formatCeHours(row.min!)}).`
			);
		const standing: CategoryStanding = {
			category: row.category,
			earned: fromCenti(earned),
			counted: fromCenti(counted),
			missing: fromCenti(missing),
			selfReported: fromCenti(row.tally.selfReported)
		};
		if (row.min !== undefined) standing.min = row.min;
		if (row.max !== undefined) standing.max = row.max;
		return standing;
	});

	const totalRequired = toCenti(profile.totalHours);
	const missingTotal = Math.max(0, totalRequired - totalCounted);
	const complete = missingTotal === 0 && minimumsMet;
	const daysLeft = Math.max(0, Math.ceil((end.getTime() - nowMs) / DAY_MS));
	const deadlineNear = daysLeft <= DEADLINE_NEAR_DAYS;

	let selfStudyCapped: CycleEvaluation['selfStudyCapped'];
	if (profile.maxSelfStudyHours !== undefined) {
		selfStudyCapped = {
			earned: fromCenti(selfStudyEarned),
			counted: fromCenti(selfStudyCounted),
			cap: profile.maxSelfStudyHours
		};
		if (selfStudyEarned > toCenti(profile.maxSelfStudyHours))
			warnings.push(
				`Self-study: ${formatCeHours(fromCenti(selfStudyEarned))} earned but at most ${formatCeHours(profile.maxSelfStudyHours)} count toward the total.`
			);
	}

	if (missingTotal > 0)
		warnings.push(
			`${formatCeHours(fromCenti(missingTotal))} more needed to reach ${formatCeHours(profile.totalHours)} this cycle.`
		);
	if (deadlineNear && !complete)
		warnings.push(
			`The cycle ends in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} (${dayOf(end)}) and the requirement is not met yet.`
		);
	if (before > 0)
		warnings.push(
			`${formatCeHours(fromCenti(before))} earned before ${dayOf(start)} do not count: hours do not carry over between cycles.`
		);
	if (after > 0)
		warnings.push(
			`${formatCeHours(fromCenti(after))} dated on or after ${dayOf(end)} belong to the next cycle.`
		);
	if (selfReported > 0)
		warnings.push(
			`${formatCeHours(fromCenti(selfReported))} are self-reported: keep their certificates and check that your board accepts the provider.`
		);
	for (const category of unknown)
		warnings.push(`Unknown category "${category}": its hours count toward the total but not toward any minimum.`);

	return {
		cycleStart: start,
		cycleEnd: end,
		daysLeft,
		deadlineNear,
		totalCounted: fromCenti(totalCounted),
		totalRequired: fromCenti(totalRequired),
		missingTotal: fromCenti(missingTotal),
		byCategory,
		...(selfStudyCapped ? { selfStudyCapped } : {}),
		selfReportedHours: fromCenti(selfReported),
		complete,
		warnings
	};
}
