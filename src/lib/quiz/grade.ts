// Grading rules, following Moodle where GIFT defines the question (weights are percentages).
// A response of another type, or one naming unknown ids only, counts as unanswered: it carries no valid answer.
import type { GradeResult, NumericAnswer, Question, Response } from './types';

type Scored = { fraction: number; feedback: string[] } | null;

export interface AttemptGrade {
	results: GradeResult[];
	totalPoints: number;
	maxPoints: number;
	/** 0..100; 0 when the attempt has no points at all. */
	percent: number;
}

// Like Moodle's 0.999999 threshold: authors' 33.33333% x 3 should count as fully correct.
const fullCreditEpsilon = 1e-6;

export function gradeQuestion(question: Question, response: Response | undefined): GradeResult {
	const scored = response && response.type === question.type ? scoreResponse(question, response) : null;
	if (scored === null) return { fraction: 0, points: 0, status: 'unanswered', feedback: [] };
	let fraction = Math.min(1, Math.max(0, scored.fraction));
	if (fraction > 1 - fullCreditEpsilon) fraction = 1;
	if (fraction < fullCreditEpsilon) fraction = 0;
	const status = fraction === 1 ? 'correct' : fraction === 0 ? 'incorrect' : 'partial';
	return { fraction, points: fraction * question.points, status, feedback: scored.feedback };
}

/** responses[i] answers questions[i]. */
export function gradeAttempt(questions: Question[], responses: ReadonlyArray<Response | undefined>): AttemptGrade {
	const results = questions.map((question, i) => gradeQuestion(question, responses[i]));
	const totalPoints = results.reduce((sum, result) => sum + result.points, 0);
	const maxPoints = questions.reduce((sum, question) => sum + question.points, 0);
	return { results, totalPoints, maxPoints, percent: maxPoints > 0 ? (totalPoints / maxPoints) * 100 : 0 };
}

/** Trimmed, inner whitespace collapsed, case-folded: how short answers are compared. */
export function normalizeShortAnswer(text: string): string {
	return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Inclusive; the epsilon keeps 1.1 ± 0.1 from rejecting 1.0 through floating-point error. */
export function containsNumber(answer: NumericAnswer, value: number): boolean {
	if (answer.kind === 'range') {
		const epsilon = 1e-9 * Math.max(1, Math.abs(answer.min), Math.abs(answer.max));
		return value >= answer.min - epsilon && value <= answer.max + epsilon;
	}
	const epsilon = 1e-9 * Math.max(1, Math.abs(answer.value), answer.tolerance);
	return Math.abs(value - answer.value) <= answer.tolerance + epsilon;
}

function scoreResponse(question: Question, response: Response): Scored {
	switch (question.type) {
		case 'single': {
			if (response.type !== 'single') return null;
			const choice = question.choices.find((c) => c.id === response.choice);
			if (!choice) return null;
			return { fraction: choice.weight / 100, feedback: collect([choice.feedback]) };
		}
		case 'multiple': {
			if (response.type !== 'multiple') return null;
			const chosen = question.choices.filter((c) => response.choices.includes(c.id));
			if (chosen.length === 0) return null;
			const sum = chosen.reduce((total, c) => total + c.weight, 0);
			return { fraction: sum / 100, feedback: collect(chosen.map((c) => c.feedback)) };
		}
		case 'truefalse': {
			if (response.type !== 'truefalse' || response.value === undefined) return null;
			const right = response.value === question.answer;
			return { fraction: right ? 1 : 0, feedback: collect([right ? question.feedbackRight : question.feedbackWrong]) };
		}
		case 'short': {
			if (response.type !== 'short') return null;
			const given = normalizeShortAnswer(response.text);
			if (given === '') return null;
			const matches = question.answers.filter((a) => normalizeShortAnswer(a.text) === given);
			return pickBest(matches);
		}
		case 'numeric': {
			if (response.type !== 'numeric' || response.value === undefined || !Number.isFinite(response.value)) return null;
			const value = response.value;
			return pickBest(question.answers.filter((a) => containsNumber(a, value)));
		}
		case 'matching': {
			if (response.type !== 'matching') return null;
			const prompts = question.pairs.filter((p) => p.prompt.trim() !== '');
			const given = prompts.filter((p) => (response.matches[p.id] ?? '').trim() !== '');
			if (given.length === 0 || prompts.length === 0) return null;
			const correct = prompts.filter((p) => response.matches[p.id]?.trim() === p.answer.trim()).length;
			return { fraction: correct / prompts.length, feedback: [] };
		}
		case 'ordering': {
			if (response.type !== 'ordering' || response.order.length === 0 || question.items.length === 0) return null;
			// Positional credit: each item in its correct slot earns 1/n (Moodle's "absolute position" mode).
			const inPlace = question.items.filter((item, i) => response.order[i] === item.id).length;
			return { fraction: inPlace / question.items.length, feedback: [] };
		}
	}
}

/** The highest-weighted matching answer; no match is a wrong answer with no feedback. */
function pickBest(matches: { weight: number; feedback?: string }[]): Scored {
	if (matches.length === 0) return { fraction: 0, feedback: [] };
	const best = matches.reduce((top, answer) => (answer.weight > top.weight ? answer : top));
	return { fraction: best.weight / 100, feedback: collect([best.feedback]) };
}

function collect(feedback: (string | undefined)[]): string[] {
	return feedback.filter((text): text is string => text !== undefined && text.trim() !== '');
}
