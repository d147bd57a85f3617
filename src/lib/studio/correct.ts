// The "Correct answer" choice of single- and multiple-choice questions, and the partial-credit weights behind it.
// Weights stay the stored truth (GIFT and grading use them); the editor shows which options are correct and
// derives standard weights from that choice, while a custom weight set under "Advanced" is kept. Pure.
import type { QuestionType } from '$lib/quiz/types';

/** Question types whose options carry a "Correct answer" control. */
export function hasCorrectChoice(type: QuestionType): type is 'single' | 'multiple' {
	return type === 'single' || type === 'multiple';
}

/** An option is correct when it earns credit. */
export function isCorrectWeight(weight: string): boolean {
	const value = Number(weight.trim());
	return Number.isFinite(value) && value > 0;
}

/**
 * Which options the "Correct answer" controls show as marked: for multiple choice every option that earns credit;
 * for single choice (one radio) the first option worth the most, if it earns credit.
 */
export function correctMarks(type: 'single' | 'multiple', weights: readonly string[]): boolean[] {
	if (type === 'multiple') return weights.map(isCorrectWeight);
	const values = weights.map((w) => (isCorrectWeight(w) ? Number(w) : 0));
	const best = values.indexOf(Math.max(0, ...values));
	return values.map((value, i) => value > 0 && i === best);
}

const share = (value: number) => String(Number(value.toFixed(5)));

/**
 * The standard weights for a correct-answer choice. Single: the correct option 100, the others 0. Multiple: the
 * correct options share 100 equally and the wrong ones share -100 equally, so ticking every box scores 0. Blank
 * rows (dropped on save) get 0 and count for nothing.
 */
export function deriveWeights(type: 'single' | 'multiple', correct: readonly boolean[], blank: readonly boolean[] = []): string[] {
	const marks = correct.map((isRight, i) => (blank[i] ? 'blank' : isRight ? 'right' : 'wrong'));
	if (type === 'single') {
		const first = marks.indexOf('right');
		return marks.map((_, i) => (i === first ? '100' : '0'));
	}
	const right = marks.filter((m) => m === 'right').length;
	const wrong = marks.filter((m) => m === 'wrong').length;
	return marks.map((mark) => (mark === 'right' ? share(100 / right) : mark === 'wrong' && right > 0 ? share(-100 / wrong) : '0'));
}

const sameNumber = (a: string, b: string) => a.trim() === b.trim() || (a.trim() !== '' && Number(a) === Number(b));

/** Whether the weights are the standard ones for the options they mark correct (else: custom weights); blank rows aside. */
export function weightsAreStandard(type: 'single' | 'multiple', weights: readonly string[], blank: readonly boolean[] = []): boolean {
	const correct = weights.map(isCorrectWeight);
	if (type === 'single' && correct.filter(Boolean).length > 1) return false;
	const standard = deriveWeights(type, correct, blank);
	return weights.every((w, i) => blank[i] || sameNumber(w, standard[i]));
}

export interface PostedRow {
	/** The weight field as posted (under "Advanced"). */
	weight: string;
	/** The weight the form showed before the instructor acted (a hidden field): tells an edit from no edit. */
	shown: string;
	/** Whether the option was marked correct. */
	correct: boolean;
	/** A row with no text or feedback: dropped on save. */
	blank: boolean;
}

/**
 * The weights to save from a posted form, without JavaScript as with it. A weight edited under "Advanced" wins;
 * otherwise a changed correct-answer choice sets the standard weights; otherwise the weights stay as they were
 * (so a custom weight survives saving the form untouched).
 */
export function resolveWeights(type: 'single' | 'multiple', rows: readonly PostedRow[]): string[] {
	const weights = rows.map((row) => row.weight);
	const edited = rows.some((row) => !sameNumber(row.weight, row.shown));
	if (edited) return weights;
	const before = correctMarks(type, rows.map((row) => row.shown));
	const changed = rows.some((row, i) => row.correct !== before[i]);
	return changed ? deriveWeights(type, rows.map((row) => row.correct), rows.map((row) => row.blank)) : weights;
}
