export interface ThrottlePolicy {
	/** Events allowed inside the window before the key is blocked. */
	limit: number;
	/** Events older than this no longer count. */
	windowMs: number;
	/** First block; it doubles with each further event, up to maxBlockMs. */
	blockMs: number;
	maxBlockMs: number;
}

const MINUTE = 60_000;

export const loginPerAccount: ThrottlePolicy = { limit: 5, windowMs: 15 * MINUTE, blockMs: MINUTE, maxBlockMs: 15 * MINUTE };
export const loginPerAddress: ThrottlePolicy = { limit: 30, windowMs: 15 * MINUTE, blockMs: MINUTE, maxBlockMs: 30 * MINUTE };
export const registerPerAddress: ThrottlePolicy = { limit: 50, windowMs: 60 * MINUTE, blockMs: 10 * MINUTE, maxBlockMs: 60 * MINUTE };
export const resetPerAddress: ThrottlePolicy = { limit: 5, windowMs: 60 * MINUTE, blockMs: 10 * MINUTE, maxBlockMs: 60 * MINUTE };
export const verifyPerAddress: ThrottlePolicy = { limit: 30, windowMs: MINUTE, blockMs: MINUTE, maxBlockMs: 15 * MINUTE };

/** How long to block after the given number of events in the window (0 = not blocked). */
export function throttleDelay(events: number, policy: ThrottlePolicy): number {
	if (events < policy.limit) return 0;
	const doublings = Math.min(events - policy.limit, 20);
	return Math.min(policy.blockMs * 2 ** doublings, policy.maxBlockMs);
}
