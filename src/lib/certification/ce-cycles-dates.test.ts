// evaluateCycle: which cycle and which hours: no carry-over, exact date edges and leap years.
import { describe, expect, it } from 'vitest';
import { cycleContaining, evaluateCycle } from './ce-cycles';
import { NCBTMB, NEW_YORK, d, entry, start, now, row } from './ce-cycles.fixtures';

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
			'23 CE hours earned before 1 January 2024 do not count: hours do not carry over between cycles.'
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
		expect(result.warnings).toContain('4 CE hours dated on or after 1 January 2026 belong to the next cycle.');
	});

	it('moves to the cycle containing now once the first has ended, without carrying hours over', () => {
		const entries = [entry('2025-06-01', 24, 'science'), entry('2025-06-01', 3, 'ethics'), entry('2026-01-01', 2, 'science')];
		const result = evaluateCycle(NCBTMB, entries, start, d('2026-03-01'));
		expect(result.cycleStart).toEqual(d('2026-01-01'));
		expect(result.cycleEnd).toEqual(d('2028-01-01'));
		expect(result.totalCounted).toBe(2);
		expect(result.complete).toBe(false);
		expect(result.warnings[0]).toBe(
			'Showing the cycle that runs from 1 January 2026 to 1 January 2028; hours from earlier cycles do not carry over.'
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
		expect(result.warnings[0]).toBe('This cycle has not started yet: it runs from 1 January 2024 to 1 January 2026.');
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
