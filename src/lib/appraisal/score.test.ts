import { describe, expect, it } from 'vitest';
import type { Answer } from './pedro';
import { scoreAppraisal } from './score';
import type { KeyItem, TrialSummary } from './trials';

const summary: TrialSummary = {
	question: 'Adults with neck pain: massage versus advice.',
	design: 'Parallel-group randomized trial.',
	allocation: 'A computer list; sealed opaque envelopes opened by an off-site coordinator.',
	blinding: 'Outcome assessors were blinded; participants and therapists could not be.',
	dropouts: '10 of 60 lost by 10 weeks.',
	analysis: 'Participants analyzed in the groups they were assigned to.',
	results: 'Between-group difference 1.2 points (95% CI 0.4 to 2.0).'
};

// Expert key: yes on items 1-4, 7, 9-11; no on 5, 6 (nobody blinded but assessors) and 8 (17% lost): 7/10.
const expert: Answer[] = ['yes', 'yes', 'yes', 'yes', 'no', 'no', 'yes', 'no', 'yes', 'yes', 'yes'];
const decidedBy = ['question', 'allocation', 'allocation', 'design', 'blinding', 'blinding', 'blinding', 'dropouts', 'analysis', 'results', 'results'] as const;
const key: KeyItem[] = expert.map((answer, i) => ({ item: i + 1, answer, decidedBy: decidedBy[i], explanation: `Why item ${i + 1} is ${answer}.` }));
const trial = { key, summary };

describe('scoreAppraisal', () => {
	it('marks every item right when the student matches the key, with no explanations, and equal totals', () => {
		const score = scoreAppraisal(trial, expert);
		expect(score.correctCount).toBe(11);
		expect(score.items.every((i) => i.correct && !i.explanation && !i.passage)).toBe(true);
		expect(score.student).toEqual({ total: 7, band: 'good' });
		expect(score.expert).toEqual({ total: 7, band: 'good' });
	});

	it('explains each wrong item with the key explanation and the summary passage that decides it', () => {
		const student = [...expert];
		student[4] = 'yes'; // item 5: thinks subjects were blinded
		student[7] = 'yes'; // item 8: misses the 17% dropout
		const score = scoreAppraisal(trial, student);
		expect(score.correctCount).toBe(9);
		const wrong = score.items.filter((i) => !i.correct);
		expect(wrong.map((i) => i.item)).toEqual([5, 8]);
		expect(wrong[0]).toMatchObject({
			name: 'Blinded subjects',
			student: 'yes',
			expert: 'no',
			explanation: 'Why item 5 is no.',
			passage: { field: 'blinding', label: 'Blinding', text: summary.blinding }
		});
		expect(wrong[1].passage).toEqual({ field: 'dropouts', label: 'Dropouts', text: summary.dropouts });
		expect(score.student).toEqual({ total: 9, band: 'excellent' });
		expect(score.expert).toEqual({ total: 7, band: 'good' });
	});

	it('counts a wrong answer on item 1 as wrong but leaves both totals unchanged', () => {
		const student = [...expert];
		student[0] = 'no';
		const score = scoreAppraisal(trial, student);
		expect(score.items[0]).toMatchObject({ correct: false, passage: { field: 'question' } });
		expect(score.student.total).toBe(7);
	});

	it('reports the bands of both totals at the extremes: all no is poor, all yes excellent', () => {
		const none = scoreAppraisal(trial, Array<Answer>(11).fill('no'));
		expect(none.student).toEqual({ total: 0, band: 'poor' });
		expect(none.correctCount).toBe(3);
		const every = scoreAppraisal(trial, Array<Answer>(11).fill('yes'));
		expect(every.student).toEqual({ total: 10, band: 'excellent' });
		expect(every.items.filter((i) => !i.correct).map((i) => i.item)).toEqual([5, 6, 8]);
	});

	it('bands a fair expert total (4-5) and a poor one (below 4)', () => {
		const fairKey = key.map((k) => ({ ...k, answer: (k.item <= 5 ? 'yes' : 'no') as Answer }));
		expect(scoreAppraisal({ key: fairKey, summary }, expert).expert).toEqual({ total: 4, band: 'fair' });
		const poorKey = key.map((k) => ({ ...k, answer: (k.item <= 4 ? 'yes' : 'no') as Answer }));
		expect(scoreAppraisal({ key: poorKey, summary }, expert).expert).toEqual({ total: 3, band: 'poor' });
	});

	it('refuses answers that are not 11 long and a key that is not items 1-11 in order', () => {
		expect(() => scoreAppraisal(trial, expert.slice(1))).toThrow(RangeError);
		expect(() => scoreAppraisal({ key: [...key].reverse(), summary }, expert)).toThrow(RangeError);
	});
});
