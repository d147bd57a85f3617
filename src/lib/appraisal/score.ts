import { pedroBand, pedroItems, pedroTotal, summaryFields, type Answer, type PedroBand, type SummaryField } from './pedro';
import type { KeyItem, TrialSummary } from './trials';

// Scores a student's PEDro ratings of a trial against the expert key. Pure: the server calls it after a submission
// and sends back only what this returns.

export interface ItemResult {
	item: number;
	name: string;
	student: Answer;
	expert: Answer;
	correct: boolean;
	/** Only for an item the student got wrong: why the key says what it says, and the summary passage that decides it. */
	explanation?: string;
	passage?: { field: SummaryField; label: string; text: string };
}

export interface AppraisalScore {
	items: ItemResult[];
	correctCount: number;
	student: { total: number; band: PedroBand };
	expert: { total: number; band: PedroBand };
}

export function scoreAppraisal(trial: { key: readonly KeyItem[]; summary: TrialSummary }, studentAnswers: readonly Answer[]): AppraisalScore {
	if (trial.key.length !== pedroItems.length || trial.key.some((k, i) => k.item !== i + 1)) throw new RangeError('The key must rate items 1 to 11 in order');
	const expertAnswers = trial.key.map((k) => k.answer);
	const studentTotal = pedroTotal(studentAnswers);
	const expertTotal = pedroTotal(expertAnswers);
	const items = pedroItems.map((p, i): ItemResult => {
		const key = trial.key[i];
		const correct = studentAnswers[i] === key.answer;
		const base = { item: p.item, name: p.name, student: studentAnswers[i], expert: key.answer, correct };
		if (correct) return base;
		const label = summaryFields.find((f) => f.field === key.decidedBy)!.label;
		return { ...base, explanation: key.explanation, passage: { field: key.decidedBy, label, text: trial.summary[key.decidedBy] } };
	});
	return {
		items,
		correctCount: items.filter((r) => r.correct).length,
		student: { total: studentTotal, band: pedroBand(studentTotal) },
		expert: { total: expertTotal, band: pedroBand(expertTotal) }
	};
}
