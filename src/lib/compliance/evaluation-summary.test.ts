import { describe, expect, it } from 'vitest';
import { toCsv } from '../analytics/csv';
import { evaluationSummaryRows, summarizeEvaluations, type EvaluationAnswers } from './evaluation-summary';

const answer = (n: number, comments = ''): EvaluationAnswers => ({ objectives: n, accuracy: 5, relevance: 4, materials: 3, timeFit: 2, comments });

describe('evaluation summaries', () => {
	it('averages and counts each statement', () => {
		const s = summarizeEvaluations([answer(5), answer(4), answer(4)]);
		expect(s.questions[0]).toMatchObject({ id: 'objectives', mean: 4.33, counts: [0, 0, 0, 2, 1] });
	});

	it('holds comments back until five learners answered, then shows them without order of submission', () => {
		expect(summarizeEvaluations([answer(5, 'b'), answer(4, 'a')]).comments).toBeNull();
		const five = summarizeEvaluations([answer(5, 'zeta'), answer(4, ''), answer(3, 'alpha'), answer(4, 'mid'), answer(2)]);
		expect(five.comments).toEqual(['alpha', 'mid', 'zeta']);
	});

	it('exports formula-safe CSV', () => {
		const csv = toCsv(evaluationSummaryRows('T', '2026', summarizeEvaluations([1, 2, 3, 4, 5].map((n) => answer(n, '=HYPERLINK("x")')))));
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv).toContain('Responses,5');
	});
});
