import { describe, expect, it } from 'vitest';
import { loginPerAccount, throttleDelay } from './throttle-policy';

describe('throttle policy', () => {
	it('allows events under the limit', () => {
		for (let i = 0; i < loginPerAccount.limit; i++) expect(throttleDelay(i, loginPerAccount)).toBe(0);
	});

	it('blocks at the limit and doubles the block with each further event, up to the cap', () => {
		const { limit, blockMs, maxBlockMs } = loginPerAccount;
		expect(throttleDelay(limit, loginPerAccount)).toBe(blockMs);
		expect(throttleDelay(limit + 1, loginPerAccount)).toBe(blockMs * 2);
		expect(throttleDelay(limit + 2, loginPerAccount)).toBe(blockMs * 4);
		expect(throttleDelay(limit + 50, loginPerAccount)).toBe(maxBlockMs);
	});
});
