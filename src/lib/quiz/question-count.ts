/**
 * How many questions one attempt asks: the quiz's own questions that are not deleted, plus what its draw rules can
 * draw from the bank (each rule at most the tagged questions available), limited by the quiz's "ask N of them"
 * setting. The one definition used by the student's quiz page and every studio page.
 */
export function questionsPerAttempt(own: number, draws: { count: number; available: number }[], drawCount: number | null): number {
	const drawn = draws.reduce((sum, rule) => sum + Math.min(rule.count, Math.max(0, rule.available)), 0);
	const pool = own + drawn;
	return drawCount === null ? pool : Math.min(drawCount, pool);
}
