import { describe, expect, it } from 'vitest';
import { findJurisdiction } from './jurisdictions';
import { buildRoster, reportDueDate, reportStatus, ROSTER_COLUMNS, type RosterSource } from './reporting-rules';

const completed = new Date('2026-11-20T18:30:00Z');

describe('reporting due dates', () => {
	it('Florida is due 30 days after the completion, Georgia 7', () => {
		expect(reportDueDate(completed, findJurisdiction('FL')!.reporting!).toISOString().slice(0, 10)).toBe('2026-12-20');
		expect(reportDueDate(completed, findJurisdiction('GA')!.reporting!).toISOString().slice(0, 10)).toBe('2026-11-27');
	});

	it('is due through the due day, overdue the day after, reported once marked', () => {
		const due = reportDueDate(completed, { days: 7 });
		expect(reportStatus(due, null, new Date('2026-11-27T23:59:00Z'))).toBe('due');
		expect(reportStatus(due, null, new Date('2026-11-28T00:00:00Z'))).toBe('overdue');
		expect(reportStatus(due, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-30T00:00:00Z'))).toBe('reported');
	});
});

describe('CE Broker roster', () => {
	const source: RosterSource = {
		label: 'Sam Student, The Science of Massage',
		providerNumber: '50-12345',
		courseNumber: '20-987654',
		licenceNumber: 'MA12345',
		completedAt: completed,
		state: 'FL',
		professionCode: '2300'
	};

	it('writes columns A-H for a known completion', () => {
		expect(ROSTER_COLUMNS).toHaveLength(8);
		expect(buildRoster([source])).toEqual({
			ok: true,
			rows: [['12345', '987654', '', '', 'MA12345', '11/20/2026', 'State=FL', 'Profession=2300']]
		});
	});

	it('refuses the whole export naming every row with a missing licence number or code', () => {
		const result = buildRoster([source, { ...source, label: 'Olive Other, Safe Practice', licenceNumber: '', professionCode: null }]);
		expect(result).toEqual({
			ok: false,
			problems: ['Olive Other, Safe Practice: missing the licence number, the profession code for FL']
		});
	});
});
