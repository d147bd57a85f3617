// Publish validation: a quiz goes live only when every question it can ask is answerable and the passing score
// can be reached. Pure, so the rules are unit-tested; the server adds what needs the database (which bank
// questions a draw rule can pick, other published quizzes of the same lesson).
import { maxShortAnswerLength } from './responses';
import type { Question } from './types';

export interface PublishProblem {
	/** Where the problem is, in words an instructor recognises ("Question 3", "Draw rule “lactate”", "Settings"). */
	where: string;
	message: string;
}

export interface LabelledQuestion {
	label: string;
	question: Question;
}

export interface PublishInput {
	passingPercent: number;
	/** Questions per attempt; null = the whole pool. */
	drawCount: number | null;
	/** The quiz's own questions, in order. */
	questions: LabelledQuestion[];
	/** Draw rules with the bank questions each could pick (not already in the quiz). */
	draws: { tag: string; count: number; candidates: (LabelledQuestion & { id: number })[] }[];
}

const fullCredit = 1 - 1e-6;

const percent = (fraction: number) => `${Math.round(fraction * 10000) / 100}%`;

/** The best fraction of its points a question can earn (0..1), following gradeQuestion's rules. */
export function maxFraction(question: Question): number {
	const clamp = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
	switch (question.type) {
		case 'single':
			return clamp(Math.max(0, ...question.choices.filter((c) => c.text.trim()).map((c) => c.weight)) / 100);
		case 'multiple':
			return clamp(question.choices.filter((c) => c.text.trim() && c.weight > 0).reduce((sum, c) => sum + c.weight, 0) / 100);
		case 'truefalse':
			return 1;
		case 'short': {
			const typeable = question.answers.filter((a) => a.text.trim() && a.text.trim().length <= maxShortAnswerLength);
			return clamp(Math.max(0, ...typeable.map((a) => a.weight)) / 100);
		}
		case 'numeric':
			return clamp(Math.max(0, ...question.answers.filter(numericAnswerIsValid).map((a) => a.weight)) / 100);
		case 'matching': {
			const prompts = question.pairs.filter((p) => p.prompt.trim());
			return prompts.length > 0 && prompts.every((p) => p.answer.trim()) ? 1 : 0;
		}
		case 'ordering':
			return question.items.length > 0 ? 1 : 0;
	}
}

function numericAnswerIsValid(answer: Extract<Question, { type: 'numeric' }>['answers'][number]): boolean {
	if (answer.kind === 'range') return Number.isFinite(answer.min) && Number.isFinite(answer.max) && answer.min <= answer.max;
	return Number.isFinite(answer.value) && Number.isFinite(answer.tolerance) && answer.tolerance >= 0;
}

function duplicateOf(texts: string[]): [number, number] | null {
	const seen = new Map<string, number>();
	for (const [i, text] of texts.entries()) {
		const key = text.trim().toLowerCase();
		if (key === '') continue;
		const first = seen.get(key);
		if (first !== undefined) return [first + 1, i + 1];
		seen.set(key, i);
	}
	return null;
}

/** What stops a student from answering this question fully correctly, or makes it unfair to ask. */
export function findQuestionProblems(question: Question): string[] {
	const problems: string[] = [];
	if (question.text.trim() === '') problems.push('has no question text');
	if (!(question.points > 0) || !Number.isFinite(question.points)) problems.push('must be worth more than 0 points');
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const { choices } = question;
			if (choices.length < 2) problems.push('needs at least 2 options');
			if (choices.some((c) => c.text.trim() === '')) problems.push('has an option without text');
			const twins = duplicateOf(choices.map((c) => c.text));
			if (twins) problems.push(`options ${twins[0]} and ${twins[1]} have the same text`);
			const best = maxFraction(question);
			if (question.type === 'single' && best < fullCredit) {
				problems.push(best === 0 ? 'has no correct option (give one option 100%)' : `has no option worth 100% (the best is worth ${percent(best)})`);
			}
			if (question.type === 'multiple') {
				const positive = choices.filter((c) => c.weight > 0).reduce((sum, c) => sum + c.weight, 0);
				if (positive < 100 - 1e-4) problems.push(`has correct options adding up to ${positive}%, so full credit is impossible (they should add up to 100%)`);
				else if (positive > 100 + 1e-4) problems.push(`has correct options adding up to ${positive}% (they should add up to exactly 100%)`);
			}
			break;
		}
		case 'truefalse':
			break;
		case 'short':
			if (question.answers.length === 0) problems.push('needs at least one accepted answer');
			else if (maxFraction(question) < fullCredit) problems.push('has no accepted answer worth 100%');
			if (question.answers.some((a) => a.text.trim().length > maxShortAnswerLength)) {
				problems.push(`has an answer longer than the ${maxShortAnswerLength} characters a student can type`);
			}
			break;
		case 'numeric':
			if (question.answers.length === 0) problems.push('needs at least one accepted number or range');
			else if (question.answers.some((a) => !numericAnswerIsValid(a))) problems.push('has a range whose minimum is above its maximum, or a negative tolerance');
			else if (maxFraction(question) < fullCredit) problems.push('has no accepted answer worth 100%');
			break;
		case 'matching': {
			const prompts = question.pairs.filter((p) => p.prompt.trim());
			if (prompts.length < 2) problems.push('needs at least 2 pairs with a prompt');
			if (question.pairs.some((p) => p.answer.trim() === '')) problems.push('has a pair without an answer');
			const twins = duplicateOf(prompts.map((p) => p.prompt));
			if (twins) problems.push(`prompts ${twins[0]} and ${twins[1]} have the same text`);
			break;
		}
		case 'ordering': {
			if (question.items.length < 2) problems.push('needs at least 2 items to put in order');
			if (question.items.some((i) => i.text.trim() === '')) problems.push('has an item without text');
			const twins = duplicateOf(question.items.map((i) => i.text));
			if (twins) problems.push(`items ${twins[0]} and ${twins[1]} have the same text, so their order is ambiguous`);
			break;
		}
	}
	return problems;
}

/**
 * The lowest best-possible score (0..100) an attempt can have: the attempt draws `draw` questions from the pool,
 * and the worst draw is the questions with the lowest reachable fraction (exact when points are equal).
 */
export function worstReachablePercent(pool: Question[], draw: number | null): number {
	if (pool.length === 0) return 0;
	const k = draw === null ? pool.length : Math.max(1, Math.min(pool.length, Math.floor(draw)));
	const worst = [...pool].sort((a, b) => maxFraction(a) - maxFraction(b)).slice(0, k);
	const max = worst.reduce((sum, q) => sum + q.points, 0);
	const reachable = worst.reduce((sum, q) => sum + maxFraction(q) * q.points, 0);
	return max > 0 ? (reachable / max) * 100 : 0;
}

/** Everything that must be fixed before the quiz may be published; [] means it can go live. */
export function validateQuizForPublish(input: PublishInput): PublishProblem[] {
	const problems: PublishProblem[] = [];
	const settings = (message: string) => problems.push({ where: 'Settings', message });
	if (!(input.passingPercent >= 0 && input.passingPercent <= 100)) settings('the passing score must be between 0% and 100%');

	for (const { label, question } of input.questions) {
		for (const message of findQuestionProblems(question)) problems.push({ where: label, message });
	}

	const own = input.questions.map((q) => q.question);
	const drawn: Question[] = [];
	const checked = new Set<number>();
	let drawable = 0;
	const union = new Set<number>();
	for (const rule of input.draws) {
		const where = `Draw rule “${rule.tag}”`;
		if (!(rule.count >= 1)) problems.push({ where, message: 'must draw at least 1 question' });
		if (rule.candidates.length < rule.count) {
			const has = rule.candidates.length === 0 ? 'no bank questions' : `only ${rule.candidates.length} bank ${rule.candidates.length === 1 ? 'question' : 'questions'}`;
			problems.push({ where, message: `asks for ${rule.count} but there ${rule.candidates.length === 1 ? 'is' : 'are'} ${has} with this tag outside the quiz` });
		}
		for (const candidate of rule.candidates) {
			union.add(candidate.id);
			if (checked.has(candidate.id)) continue;
			checked.add(candidate.id);
			drawn.push(candidate.question);
			for (const message of findQuestionProblems(candidate.question)) problems.push({ where: `${candidate.label} (may be drawn by “${rule.tag}”)`, message });
		}
		drawable += Math.max(0, Math.min(rule.count, rule.candidates.length));
	}
	const requested = input.draws.reduce((sum, rule) => sum + Math.max(0, rule.count), 0);
	if (input.draws.length > 1 && union.size < requested) {
		problems.push({ where: 'Draw rules', message: `ask for ${requested} questions in all but only ${union.size} different bank questions match their tags` });
	}

	const poolSize = own.length + Math.min(drawable, union.size);
	if (poolSize === 0) settings('the quiz has no questions: add questions or a draw rule');
	if (input.drawCount !== null) {
		if (!(input.drawCount >= 1)) settings('“questions per attempt” must be at least 1, or blank for all');
		else if (poolSize > 0 && input.drawCount > poolSize) {
			settings(`asks ${input.drawCount} questions per attempt but only ${poolSize} are available`);
		}
	}

	if (poolSize > 0 && input.passingPercent >= 0 && input.passingPercent <= 100) {
		// The worst attempt draws the bank questions that can earn the least.
		const worstDrawn = [...drawn].sort((a, b) => maxFraction(a) - maxFraction(b)).slice(0, Math.min(drawable, union.size));
		const reachable = worstReachablePercent([...own, ...worstDrawn], input.drawCount);
		if (reachable + 1e-9 < input.passingPercent) {
			settings(`the passing score (${input.passingPercent}%) cannot be reached: even with every answer right an attempt can score only ${Math.floor(reachable * 100) / 100}%`);
		}
	}
	return problems;
}

/** "Question 3 (Which clears lactate…)", for problem lists. */
export function labelQuestion(prefix: string, question: Pick<Question, 'text' | 'title'>, max = 48): string {
	const source = (question.title?.trim() || question.text).replace(/\s+/g, ' ').trim();
	const short = source.length > max ? `${source.slice(0, max - 1).trimEnd()}…` : source;
	return short ? `${prefix} (${short})` : prefix;
}
