// evaluateCycle: what the student is told: days left, deadline and self-report warnings, odd entries.
import { describe, expect, it } from 'vitest';
import { evaluateCycle } from './ce-cycles';
import { NCBTMB, d, entry, start, now, row } from './ce-cycles.fixtures';

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
		expect(at60.warnings).toContain('The cycle ends in 60 days (1 January 2026) and the requirement is not met yet.');
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
			'3 CE hours are self-reported: keep their certificates and check that your board accepts the provider.'
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
