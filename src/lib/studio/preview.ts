// What the studio shows an instructor about a question: the student's view (stripAnswers, the same function the
// quiz uses) and, on request, the answer key. Pure, so the editor's live preview runs it in the browser.
import { stripAnswers, type PublicQuestion } from '$lib/quiz/answer-key';
import type { Question } from '$lib/quiz/types';

export interface KeyRow {
	/** Markdown (instructor text): render with renderMarkdown(..., { inline: true }). */
	answer: string;
	/** "100%", "-50%", or null when the type has no weights. */
	credit: string | null;
	correct: boolean;
	feedback: string | null;
}

export interface AnswerKey {
	rows: KeyRow[];
	explanation: string | null;
	cite: string | null;
}

/** The question exactly as a student sees it before answering (options shuffled when the quiz shuffles them). */
export function studentView(question: Question, seed: string, shuffleOptions: boolean): PublicQuestion {
	return stripAnswers(question, seed, { shuffleChoices: shuffleOptions });
}

const pct = (weight: number) => `${weight}%`;

export function answerKey(question: Question): AnswerKey {
	const row = (answer: string, credit: string | null, correct: boolean, feedback?: string): KeyRow => ({
		answer,
		credit,
		correct,
		feedback: feedback?.trim() ? feedback : null
	});
	let rows: KeyRow[];
	switch (question.type) {
		case 'single':
		case 'multiple':
			rows = question.choices.map((c) => row(c.text, pct(c.weight), c.weight > 0, c.feedback));
			break;
		case 'truefalse':
			rows = [
				row(question.answer ? 'True' : 'False', null, true, question.feedbackRight),
				row(question.answer ? 'False' : 'True', null, false, question.feedbackWrong)
			];
			break;
		case 'short':
			rows = question.answers.map((a) => row(a.text, pct(a.weight), a.weight > 0, a.feedback));
			break;
		case 'numeric':
			rows = question.answers.map((a) =>
				row(
					a.kind === 'range' ? `from ${a.min} to ${a.max}` : a.tolerance ? `${a.value} ± ${a.tolerance}` : String(a.value),
					pct(a.weight),
					a.weight > 0,
					a.feedback
				)
			);
			break;
		case 'matching':
			rows = question.pairs.map((p) => row(p.prompt.trim() ? `${p.prompt} → ${p.answer}` : `${p.answer} (distractor)`, null, p.prompt.trim() !== ''));
			break;
		case 'ordering':
			rows = question.items.map((item, i) => row(`${i + 1}. ${item.text}`, null, true));
			break;
	}
	return { rows, explanation: question.explanation?.trim() || null, cite: question.cite ?? null };
}
