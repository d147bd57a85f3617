import { describe, expect, it } from 'vitest';
import { DAY_MS, judgeSession, sessionExpiryFrom } from './session-policy';

describe('session expiry and renewal', () => {
	const now = new Date('2026-03-01T12:00:00Z');

	it('lasts 30 days from creation', () => {
		expect(sessionExpiryFrom(now).getTime() - now.getTime()).toBe(30 * DAY_MS);
	});

	it('is fresh with more than 15 days left, renewed with less, expired at the end', () => {
		expect(judgeSession(new Date(now.getTime() + 20 * DAY_MS), now)).toBe('fresh');
		expect(judgeSession(new Date(now.getTime() + 10 * DAY_MS), now)).toBe('renew');
		expect(judgeSession(new Date(now.getTime() + 1), now)).toBe('renew');
		expect(judgeSession(now, now)).toBe('expired');
		expect(judgeSession(new Date(now.getTime() - DAY_MS), now)).toBe('expired');
	});
});
