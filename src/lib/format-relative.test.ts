import { describe, expect, it } from 'vitest';
import { formatRelativeDue } from './format';

const now = new Date('2026-12-03T12:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('relative due times', () => {
	it('speaks of minutes, hours, tomorrow and days', () => {
		expect(formatRelativeDue(later(10), now)).toBe('in 10 minutes');
		expect(formatRelativeDue(later(1), now)).toBe('in 1 minute');
		expect(formatRelativeDue(later(180), now)).toBe('in 3 hours');
		expect(formatRelativeDue(later(24 * 60), now)).toBe('tomorrow');
		expect(formatRelativeDue(later(4 * 24 * 60), now)).toBe('in 4 days');
		expect(formatRelativeDue(later(-5), now)).toBe('now');
	});
});

describe('relative due times at their edges', () => {
	it('switches from hours to tomorrow, and counts days beyond', () => {
		expect(formatRelativeDue(later(59), now)).toBe('in 59 minutes');
		expect(formatRelativeDue(later(60), now)).toBe('in 1 hour');
		expect(formatRelativeDue(later(19 * 60), now)).toBe('in 19 hours');
		expect(formatRelativeDue(later(20 * 60), now)).toBe('tomorrow');
		expect(formatRelativeDue(later(2 * 24 * 60), now)).toBe('in 2 days');
		expect(formatRelativeDue(later(30 * 24 * 60), now)).toBe('in 30 days');
	});
});
