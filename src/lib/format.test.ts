import { describe, expect, it } from 'vitest';
import { shortDate } from './format';

describe('shortDate', () => {
	it('writes a day as month and day', () => {
		expect(shortDate('2026-11-20')).toBe('Nov 20');
		expect(shortDate('2027-01-05')).toBe('Jan 5');
	});
});
