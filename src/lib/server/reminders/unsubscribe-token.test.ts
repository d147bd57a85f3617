import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const secret = 'a'.repeat(64);

describe('unsubscribe tokens', () => {
	it('round-trips the user and category', () => {
		const token = signUnsubscribeToken(secret, 42, 'renewal');
		expect(token).toMatch(/^42\.renewal\./);
		expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: 42, category: 'renewal' });
	});
	it('refuses a token whose user or category was altered', () => {
		const token = signUnsubscribeToken(secret, 42, 'renewal');
		expect(verifyUnsubscribeToken(secret, token.replace(/^42/, '43'))).toBeNull();
		expect(verifyUnsubscribeToken(secret, token.replace('renewal', 'expiry'))).toBeNull();
	});
	it('refuses a forged signature, a malformed token and a token signed with a rotated-out key', () => {
		const token = signUnsubscribeToken(secret, 42, 'renewal');
		const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		expect(verifyUnsubscribeToken(secret, flipped)).toBeNull();
		expect(verifyUnsubscribeToken(secret, '42.renewal')).toBeNull();
		expect(verifyUnsubscribeToken(secret, '42.unknown.' + 'A'.repeat(43))).toBeNull();
		expect(verifyUnsubscribeToken('b'.repeat(64), token)).toBeNull();
	});
});
