import { describe, expect, it } from 'vitest';
import { parseGift } from '../gift/parse';
import { describeViolation, formatReport, lintCourse, lintQuiz, type LintQuiz, type QuizKind } from './lint';

// Each rule of the assessment lint on small GIFT quizzes, with file and line as the build reports them.

const scenario = (n: number, stem = `A client in case ${n} asks whether to book massage after surgery. What do you say?`) =>
	`// cite: smith2020\n// tags: scenario, referral\n::S${n}::${stem} {=Refer first ~Book now ~Refuse outright}\n\n`;
const recallFree = (n: number) => `::P${n}::Which design best separates massage from attention in study ${n}? {=A light-touch control ~No control ~A survey}\n\n`;
const trueFalse = (n: number) => `::T${n}::Statement number ${n} about light-touch controls is right. {T}\n\n`;

function quiz(kind: QuizKind, source: string, extra: Partial<LintQuiz> = {}): LintQuiz {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	const items = questions.map(({ line, category: _c, ...question }) => ({ question, where: `quiz.gift:${line}` }));
	return { name: 'test', kind, items, references: new Set(['smith2020']), bibliography: new Set(['smith2020', 'lee2019']), ...extra };
}

const messages = (source: string, kind: QuizKind = 'practice', extra: Partial<LintQuiz> = {}) =>
	lintQuiz(quiz(kind, source, extra)).violations.map(describeViolation);

describe('assessment lint', () => {
	it('passes a lesson check of 6 items with 3 scenarios and reports its mix', () => {
		const source = [1, 2, 3].map((n) => scenario(n)).join('') + [4, 5].map(recallFree).join('') + trueFalse(6);
		const report = lintQuiz(quiz('lesson-check', source));
		expect(report.violations).toEqual([]);
		expect(report).toMatchObject({ total: 6, scenarios: 3, types: { single: 5, truefalse: 1 }, options: { 3: 5 } });
		expect(formatReport(report)).toBe('test (lesson check): 6 items [single 5, truefalse 1]; scenario 3/6 (50%); choice options 5×3');
	});

	it('fails a lesson check with fewer than 6 items or fewer than 3 scenarios', () => {
		const source = scenario(1) + recallFree(2) + recallFree(3);
		expect(messages(source, 'lesson-check')).toEqual([
			'quiz.gift:3: 3 items; a lesson check needs at least 6',
			'quiz.gift:3: 1 items tagged scenario; a lesson check needs at least 3'
		]);
	});

	it('fails a final with more than 2 true/false items, naming each extra one', () => {
		const source = [1, 2, 3, 4, 5, 6, 7].map((n) => scenario(n)).join('') + [8, 9, 10].map(trueFalse).join('');
		const found = messages(source, 'final');
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(/^quiz\.gift:\d+: "T10": true\/false item 3 of 3; a final allows at most 2$/);
	});

	it('fails a final with under 60% of items tagged scenario', () => {
		const source = [1, 2, 3, 4, 5].map((n) => scenario(n)).join('') + [6, 7, 8, 9].map(recallFree).join('');
		expect(messages(source, 'final')).toEqual(['quiz.gift:3: 5 of 9 items are tagged scenario; a final needs at least 60% (6)']);
		const enough = [1, 2, 3, 4, 5, 6].map((n) => scenario(n)).join('') + [7, 8, 9, 10].map(recallFree).join('');
		expect(messages(enough, 'final')).toEqual([]);
	});

	it('fails a choice item with fewer than 3 options', () => {
		expect(messages('::Two::Which control is better for a massage trial? {=Light touch ~None}')).toEqual([
			'quiz.gift:1: "Two": has 2 options; a choice item needs at least 3'
		]);
	});

	it.each([
		['How many people took part in the endorphin study? {#12:0}', 'asks "how many"'],
		['In what year was the gate control theory published? {=1965 ~1975 ~1985}', 'asks for a year'],
		['Who published the first meta-analysis of massage? {=Moyer ~Field ~Furlan}', 'asks who published'],
		['Which author reported serotonin rises? {=Field ~Moyer ~Crane}', 'asks which author'],
		['The survey covered cancer centers. Give the number that integrated massage highly. {#11:0}', 'looks like a count'],
		['The theory appeared in Science. Give its publication date. {#1965:0}', 'looks like a year'],
		['What share of centers offered massage? {=About 40% ~About 20% ~About 80%}', 'every option is a number'],
		['Which review found benefit? {=Furlan 2015 ~Bervoets 2015 ~Moyer 2004}', 'author and year']
	])('flags recall of a number, date or name: %s', (stem, why) => {
		const [found] = messages(`::R::${stem}`);
		expect(found).toContain('tests recall, not judgement');
		expect(found).toContain(why);
	});

	it('flags an ordering item that sorts by date', () => {
		const item = { type: 'ordering' as const, text: 'Order these publications from earliest to latest.', points: 1, tags: [], items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] };
		const report = lintQuiz({ name: 'json', kind: 'practice', items: [{ question: item, where: 'final.json:4' }] });
		expect(report.violations.map(describeViolation)).toEqual(['final.json:4: "Order these publications from earliest to latest.": tests recall, not judgement (orders items by date: recall of dates)']);
	});

	it('does not flag an estimate with a tolerance or a judgement question', () => {
		expect(messages('::E::What probability of superiority corresponds to d 0.3, in percent? {#58:2}')).toEqual([]);
		expect(messages(scenario(1))).toEqual([]);
	});

	it('fails a // cite: missing from the bibliography or from the lesson references', () => {
		expect(messages(scenario(1).replace('smith2020', 'nobody1999'))).toEqual([
			'quiz.gift:3: "S1": // cite: "nobody1999" is not in the bibliography'
		]);
		expect(messages(scenario(1).replace('smith2020', 'lee2019'), 'lesson-check').at(-1)).toBe(
			'quiz.gift:3: "S1": // cite: "lee2019" is not among the lesson\'s references'
		);
	});

	it('fails two items in a course sharing a stem, within a quiz and across quizzes', () => {
		const stem = 'A client asks whether massage flushes lactic acid. What do you tell them?';
		expect(messages(scenario(1, stem) + scenario(2, `${stem.toUpperCase()}  `))).toEqual([
			'quiz.gift:7: "S2": same stem as the item at quiz.gift:3'
		]);
		const a = quiz('lesson-check', scenario(1, stem));
		const b = { ...quiz('final', scenario(2, `*${stem}*`)), name: 'final' };
		b.items = b.items.map((i) => ({ ...i, where: 'final.gift:3' }));
		const [, finalReport] = lintCourse([a, b]);
		expect(finalReport.violations.map(describeViolation)).toContain('final.gift:3: "S2": same stem as the item at quiz.gift:3');
	});
});
