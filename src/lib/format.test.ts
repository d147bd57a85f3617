import { describe, expect, it } from 'vitest';
import { formatCeHours, formatDate, formatDateTime, formatDay, formatTime, shortDate } from './format';

describe('shortDate', () => {
	it('writes a day as day and month, as the long dates do', () => {
		expect(shortDate('2026-11-20')).toBe('20 Nov');
		expect(shortDate('2027-01-05')).toBe('5 Jan');
	});
});

describe('dates as people read them', () => {
	const at = new Date('2026-12-03T23:30:00Z');

	it('writes the day in words, in the given zone', () => {
		expect(formatDate(at, 'UTC')).toBe('3 December 2026');
		// Half past eleven at night in London is already the next morning in Berlin.
		expect(formatDate(at, 'Europe/Berlin')).toBe('4 December 2026');
		expect(formatDate(at, 'America/New_York')).toBe('3 December 2026');
	});

	it('writes a time in 24 hours with the zone named, never ISO', () => {
		expect(formatDateTime(at, 'UTC')).toBe('3 December 2026, 23:30 UTC');
		expect(formatDateTime(at, 'Europe/Berlin')).toBe('4 December 2026, 00:30 CET');
		expect(formatDateTime(new Date('2026-07-01T09:05:00Z'), 'UTC')).toBe('1 July 2026, 09:05 UTC');
		expect(formatTime(at, 'UTC')).toBe('23:30 UTC');
		expect(formatTime(at, 'Europe/Berlin')).toBe('00:30 CET');
	});

	it('keeps a calendar day the same day wherever it is read', () => {
		expect(formatDay('2026-12-03')).toBe('3 December 2026');
		expect(formatDay('2027-01-05')).toBe('5 January 2027');
	});
});

describe('formatCeHours', () => {
	it('writes CE credit in one unit, CE hours', () => {
		expect(formatCeHours(2.5)).toBe('2.5 CE hours');
		expect(formatCeHours(12)).toBe('12 CE hours');
		expect(formatCeHours(1)).toBe('1 CE hour');
		expect(formatCeHours(0.25)).toBe('0.25 CE hours');
		expect(formatCeHours(0.1 + 0.2)).toBe('0.3 CE hours');
	});

	it('refuses what is not a number of hours', () => {
		expect(() => formatCeHours(-1)).toThrow(RangeError);
		expect(() => formatCeHours(Number.NaN)).toThrow(RangeError);
	});
});
