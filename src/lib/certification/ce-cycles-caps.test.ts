// evaluateCycle: what counts toward a cycle: category caps and minimums (NCBTMB, Florida) and the self-study cap (New York).
import { describe, expect, it } from 'vitest';
import { evaluateCycle } from './ce-cycles';
import { NCBTMB, FLORIDA, NEW_YORK, entry, profile, start, now, row } from './ce-cycles.fixtures';

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
		expect(result.warnings).toContain('self-care: 10 CE hours earned but at most 4 CE hours count toward the total.');
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
		expect(result.warnings).toContain('3 CE hours more needed to reach 24 CE hours this cycle.');
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
		expect(result.warnings).toContain('ethics: 2 CE hours more needed (minimum 3 CE hours).');
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
		expect(result.warnings).toContain('Self-study: 20 CE hours earned but at most 12 CE hours count toward the total.');
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
