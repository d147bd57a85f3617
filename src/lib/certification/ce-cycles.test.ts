import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycleContaining, evaluateCycle, type CeEntry } from './ce-cycles';
import { parseCeProfiles, type CeProfile } from './schema';

const shipped = new Map(
	parseCeProfiles(readFileSync(join(process.cwd(), 'lessons/ce-profiles.yaml'), 'utf8')).map((p) => [p.id, p])
);
const NCBTMB = shipped.get('ncbtmb-board-certification')!;
const FLORIDA = shipped.get('florida-lmt')!;
const NEW_YORK = shipped.get('new-york-lmt')!;

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

function entry(date: string, hours: number, category: string, opts: Partial<CeEntry> = {}): CeEntry {
	return { date: d(date), hours, category, selfReported: false, selfStudy: false, ...opts };
}

const profile = (overrides: Partial<CeProfile>): CeProfile => ({
	id: 'test',
	label: 'Test, check with your board',
	source: 'test',
	cycleMonths: 24,
	totalHours: 24,
	minimums: {},
	maximums: {},
	carryOver: false,
	...overrides
});

const start = d('2024-01-01');
const now = d('2024-06-01');
const row = (result: ReturnType<typeof evaluateCycle>, category: string) =>
	result.byCategory.find((c) => c.category === category);

describe('evaluateCycle: category caps and minimums (NCBTMB)', () => {
	it('counts at most 4 self-care hours toward the total', () => {
		const result = evaluateCycle(
			NCBTMB,
			[entry('2024-02-01', 10, 'self-care'), entry('2024-03-01', 20, 'science'), entry('2024-04-01', 3, 'ethics')],
			start,
			now
		);
		expect(row(result, 'self-care')).toEqual({
			category: 'self-care',
			earned: 10,
			counted: 4,
			max: 4,
			missing: 0,
			selfReported: 0
		});
		expect(result.totalCounted).toBe(27);
		expect(result.totalRequired).toBe(24);
		expect(result.missingTotal).toBe(0);
		expect(result.complete).toBe(true);
		expect(result.warnings).toContain('self-care: 10 hours earned but at most 4 hours count toward the total.');
	});

	it('leaves the total short when capped hours are all that would fill it', () => {
		const result = evaluateCycle(
			NCBTMB,
			[entry('2024-02-01', 8, 'self-care'), entry('2024-03-01', 14, 'science'), entry('2024-04-01', 3, 'ethics')],
			start,
			now
		);
		expect(result.totalCounted).toBe(21);
		expect(result.missingTotal).toBe(3);
		expect(result.complete).toBe(false);
		expect(result.warnings).toContain('3 hours more needed to reach 24 hours this cycle.');
	});

	it('requires the ethics minimum even when the total is reached', () => {
		const result = evaluateCycle(
			NCBTMB,
			[entry('2024-02-01', 24, 'science'), entry('2024-03-01', 1, 'ethics')],
			start,
			now
		);
		expect(result.missingTotal).toBe(0);
		expect(row(result, 'ethics')).toMatchObject({ earned: 1, counted: 1, min: 3, missing: 2 });
		expect(result.complete).toBe(false);
		expect(result.warnings).toContain('ethics: 2 hours more needed (minimum 3 hours).');
	});

	it('lists the profile’s categories first, even with no hours, then the others', () => {
		const result = evaluateCycle(NCBTMB, [entry('2024-02-01', 2, 'science')], start, now);
		expect(result.byCategory.map((c) => c.category)).toEqual(['ethics', 'self-care', 'science']);
		expect(row(result, 'ethics')).toEqual({
			category: 'ethics',
			earned: 0,
			counted: 0,
			min: 3,
			missing: 3,
			selfReported: 0
		});
	});

	it('checks every Florida minimum, hands-on included', () => {
		const result = evaluateCycle(
			FLORIDA,
			[
				entry('2024-02-01', 2, 'medical-errors'),
				entry('2024-02-01', 2, 'laws-and-rules'),
				entry('2024-02-01', 2, 'ethics'),
				entry('2024-02-01', 1, 'human-trafficking'),
				entry('2024-02-01', 10, 'hands-on'),
				entry('2024-02-01', 8, 'science', { selfStudy: true })
			],
			start,
			now
		);
		expect(result.byCategory.map((c) => [c.category, c.missing])).toEqual([
			['ethics', 0],
			['medical-errors', 0],
			['laws-and-rules', 0],
			['human-trafficking', 0],
			['hands-on', 2],
			['science', 0]
		]);
		expect(result.totalCounted).toBe(25);
		expect(result.missingTotal).toBe(0);
		expect(result.complete).toBe(false);
	});
});

describe('evaluateCycle: no carry-over and exact date edges', () => {
	const cycleEnd = d('2026-01-01');

	it('ignores hours earned before the cycle started', () => {
		const result = evaluateCycle(
			NCBTMB,
			[entry('2023-12-31', 20, 'science'), entry('2023-12-31T23:59:59.999Z', 3, 'ethics'), entry('2024-05-01', 4, 'science')],
			start,
			now
		);
		expect(result.totalCounted).toBe(4);
		expect(row(result, 'ethics')).toMatchObject({ earned: 0, missing: 3 });
		expect(result.warnings).toContain(
			'23 hours earned before 2024-01-01 do not count: hours do not carry over between cycles.'
		);
	});

	it('counts an entry on cycleStart and not one on cycleEnd', () => {
		const result = evaluateCycle(
			NCBTMB,
			[
				entry('2024-01-01', 1, 'science'),
				entry('2025-12-31T23:59:59.999Z', 2, 'science'),
				entry('2026-01-01', 4, 'science')
			],
			start,
			now
		);
		expect(result.cycleStart).toEqual(start);
		expect(result.cycleEnd).toEqual(cycleEnd);
		expect(result.totalCounted).toBe(3);
		expect(result.warnings).toContain('4 hours dated on or after 2026-01-01 belong to the next cycle.');
	});

	it('moves to the cycle containing now once the first has ended, without carrying hours over', () => {
		const entries = [entry('2025-06-01', 24, 'science'), entry('2025-06-01', 3, 'ethics'), entry('2026-01-01', 2, 'science')];
		const result = evaluateCycle(NCBTMB, entries, start, d('2026-03-01'));
		expect(result.cycleStart).toEqual(d('2026-01-01'));
		expect(result.cycleEnd).toEqual(d('2028-01-01'));
		expect(result.totalCounted).toBe(2);
		expect(result.complete).toBe(false);
		expect(result.warnings[0]).toBe(
			'Showing the cycle that runs from 2026-01-01 to 2028-01-01; hours from earlier cycles do not carry over.'
		);
		// Exactly at the first cycle's end, the second cycle is current.
		expect(evaluateCycle(NCBTMB, entries, start, cycleEnd).cycleStart).toEqual(cycleEnd);
		// A millisecond earlier, the first still is.
		expect(evaluateCycle(NCBTMB, entries, start, d('2025-12-31T23:59:59.999Z')).cycleStart).toEqual(start);
	});

	it('skips as many cycles as needed', () => {
		const result = evaluateCycle(NEW_YORK, [], d('2015-09-01'), d('2025-08-31'));
		expect(result.cycleStart).toEqual(d('2024-09-01'));
		expect(result.cycleEnd).toEqual(d('2027-09-01'));
	});

	it('evaluates the first cycle, with a warning, when now is before it starts', () => {
		const result = evaluateCycle(NCBTMB, [entry('2024-01-01', 5, 'science')], start, d('2023-12-01'));
		expect(result.cycleStart).toEqual(start);
		expect(result.cycleEnd).toEqual(cycleEnd);
		expect(result.totalCounted).toBe(5);
		expect(result.daysLeft).toBe(762);
		expect(result.warnings[0]).toBe('This cycle has not started yet: it runs from 2024-01-01 to 2026-01-01.');
	});
});

describe('evaluateCycle: leap years', () => {
	it('clamps a 29 February start without drifting in later cycles', () => {
		const leapStart = d('2024-02-29');
		const first = evaluateCycle(NCBTMB, [], leapStart, d('2025-01-01'));
		expect(first.cycleEnd).toEqual(d('2026-02-28'));
		const second = evaluateCycle(NCBTMB, [], leapStart, d('2026-02-28'));
		expect(second.cycleStart).toEqual(d('2026-02-28'));
		expect(second.cycleEnd).toEqual(d('2028-02-29'));
		const third = evaluateCycle(NCBTMB, [], leapStart, d('2028-02-29'));
		expect(third.cycleStart).toEqual(d('2028-02-29'));
		expect(third.cycleEnd).toEqual(d('2030-02-28'));
	});

	it('counts an entry on 29 February and the extra day in daysLeft', () => {
		const result = evaluateCycle(
			NEW_YORK,
			[entry('2024-02-29', 36, 'science')],
			d('2021-03-01'),
			d('2024-02-01')
		);
		expect(result.cycleEnd).toEqual(d('2024-03-01'));
		expect(result.totalCounted).toBe(36);
		expect(result.daysLeft).toBe(29);
		const notLeap = evaluateCycle(NEW_YORK, [], d('2020-03-01'), d('2023-02-01'));
		expect(notLeap.cycleEnd).toEqual(d('2023-03-01'));
		expect(notLeap.daysLeft).toBe(28);
	});

	it('finds the cycle containing a leap day', () => {
		expect(cycleContaining(d('2022-03-01'), 24, d('2024-02-29T12:00:00Z'))).toEqual({
			index: 0,
			start: d('2022-03-01'),
			end: d('2024-03-01')
		});
	});
});

describe('evaluateCycle: self-study cap (New York)', () => {
	it('counts at most 12 self-study hours', () => {
		const result = evaluateCycle(
			NEW_YORK,
			[entry('2024-02-01', 20, 'science', { selfStudy: true }), entry('2024-03-01', 10, 'safety')],
			start,
			now
		);
		expect(result.selfStudyCapped).toEqual({ earned: 20, counted: 12, cap: 12 });
		expect(row(result, 'science')).toMatchObject({ earned: 20, counted: 12 });
		expect(result.totalCounted).toBe(22);
		expect(result.missingTotal).toBe(14);
		expect(result.complete).toBe(false);
		expect(result.warnings).toContain('Self-study: 20 hours earned but at most 12 hours count toward the total.');
	});

	it('is complete with 24 in-person and 12 self-study hours', () => {
		const result = evaluateCycle(
			NEW_YORK,
			[entry('2024-02-01', 24, 'safety'), entry('2024-03-01', 15, 'science', { selfStudy: true })],
			start,
			now
		);
		expect(result.totalCounted).toBe(36);
		expect(result.complete).toBe(true);
	});

	it('reports the cap even when it is not reached, and omits it when the profile has none', () => {
		const result = evaluateCycle(NEW_YORK, [entry('2024-02-01', 3, 'science', { selfStudy: true })], start, now);
		expect(result.selfStudyCapped).toEqual({ earned: 3, counted: 3, cap: 12 });
		expect(evaluateCycle(NCBTMB, [], start, now)).not.toHaveProperty('selfStudyCapped');
	});

	it('gives capped self-study hours to categories short of their minimum first', () => {
		const p = profile({ totalHours: 10, minimums: { ethics: 3 }, maxSelfStudyHours: 5 });
		const result = evaluateCycle(
			p,
			[entry('2024-02-01', 5, 'science', { selfStudy: true }), entry('2024-02-02', 3, 'ethics', { selfStudy: true })],
			start,
			now
		);
		expect(row(result, 'ethics')).toMatchObject({ counted: 3, missing: 0 });
		expect(row(result, 'science')).toMatchObject({ earned: 5, counted: 2 });
		expect(result.totalCounted).toBe(5);
	});

	it('fills a category cap with in-person hours first and does not spend the self-study cap on excess', () => {
		const p = profile({ maximums: { 'self-care': 4 }, maxSelfStudyHours: 6 });
		const result = evaluateCycle(
			p,
			[
				entry('2024-02-01', 3, 'self-care'),
				entry('2024-02-01', 5, 'self-care', { selfStudy: true }),
				entry('2024-02-01', 8, 'science', { selfStudy: true })
			],
			start,
			now
		);
		expect(row(result, 'self-care')).toMatchObject({ earned: 8, counted: 4 });
		expect(row(result, 'science')).toMatchObject({ earned: 8, counted: 5 });
		expect(result.selfStudyCapped).toEqual({ earned: 13, counted: 6, cap: 6 });
		expect(result.totalCounted).toBe(9);
	});
});

describe('evaluateCycle: days left and warnings', () => {
	it('counts days left to cycleEnd, a part day as a whole day', () => {
		expect(evaluateCycle(NCBTMB, [], start, d('2025-12-31T12:00:00Z')).daysLeft).toBe(1);
		expect(evaluateCycle(NCBTMB, [], start, d('2025-12-31')).daysLeft).toBe(1);
		expect(evaluateCycle(NCBTMB, [], start, d('2025-12-30T23:59:59Z')).daysLeft).toBe(2);
		expect(evaluateCycle(NCBTMB, [], start, start).daysLeft).toBe(731);
	});

	it('flags the deadline as near from 60 days left', () => {
		const at60 = evaluateCycle(NCBTMB, [], start, d('2025-11-02'));
		expect(at60.daysLeft).toBe(60);
		expect(at60.deadlineNear).toBe(true);
		expect(at60.warnings).toContain('The cycle ends in 60 days (2026-01-01) and the requirement is not met yet.');
		const at61 = evaluateCycle(NCBTMB, [], start, d('2025-11-01'));
		expect(at61.daysLeft).toBe(61);
		expect(at61.deadlineNear).toBe(false);
		expect(at61.warnings.some((w) => w.startsWith('The cycle ends'))).toBe(false);
	});

	it('does not warn about the deadline once the requirement is met', () => {
		const result = evaluateCycle(
			NCBTMB,
			[entry('2024-02-01', 21, 'science'), entry('2024-02-01', 3, 'ethics')],
			start,
			d('2025-12-20')
		);
		expect(result.deadlineNear).toBe(true);
		expect(result.complete).toBe(true);
		expect(result.warnings).toEqual([]);
	});

	it('counts self-reported hours but says so', () => {
		const result = evaluateCycle(
			NCBTMB,
			[entry('2024-02-01', 21, 'science'), entry('2024-02-01', 3, 'ethics', { selfReported: true })],
			start,
			now
		);
		expect(result.complete).toBe(true);
		expect(result.selfReportedHours).toBe(3);
		expect(row(result, 'ethics')).toMatchObject({ counted: 3, selfReported: 3 });
		expect(result.warnings).toEqual([
			'3 hours are self-reported: keep their certificates and check that your board accepts the provider.'
		]);
	});

	it('counts an unknown category toward the total only, with a warning', () => {
		const result = evaluateCycle(NCBTMB, [entry('2024-02-01', 2, 'reiki')], start, now);
		expect(result.totalCounted).toBe(2);
		expect(row(result, 'reiki')).toMatchObject({ earned: 2, counted: 2, missing: 0 });
		expect(result.warnings).toContain(
			'Unknown category "reiki": its hours count toward the total but not toward any minimum.'
		);
	});

	it('adds fractional hours without floating-point drift', () => {
		const entries = Array.from({ length: 30 }, () => entry('2024-02-01', 0.1, 'ethics'));
		const result = evaluateCycle(NCBTMB, entries, start, now);
		expect(row(result, 'ethics')).toMatchObject({ earned: 3, counted: 3, missing: 0 });
		expect(result.totalCounted).toBe(3);
		expect(result.missingTotal).toBe(21);
	});

	it('refuses invalid entries and dates', () => {
		expect(() => evaluateCycle(NCBTMB, [entry('2024-02-01', -1, 'science')], start, now)).toThrow(RangeError);
		expect(() => evaluateCycle(NCBTMB, [entry('2024-02-01', Number.NaN, 'science')], start, now)).toThrow(
			RangeError
		);
		expect(() => evaluateCycle(NCBTMB, [entry('nope', 1, 'science')], start, now)).toThrow(RangeError);
		expect(() => evaluateCycle(NCBTMB, [], new Date('nope'), now)).toThrow(RangeError);
	});
});
