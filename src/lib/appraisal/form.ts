import { z } from 'zod';
import { answers, pedroItems, type Answer } from './pedro';

// The appraisal form as posted: the trial's id and one yes/no radio group per PEDro item, named item1..item11.

export const itemField = (item: number) => `item${item}`;

const schema = z.object({
	trial: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120),
	...Object.fromEntries(pedroItems.map((p) => [itemField(p.item), z.enum(answers).optional()]))
});

export type AppraisalForm =
	| { ok: true; trial: string; answers: Answer[] }
	| { ok: false; trial: string; message: string; chosen: Record<number, Answer> };

/** Reads the posted fields; every item must be rated yes or no. On failure echoes the ratings that were valid. */
export function readAppraisalForm(values: Record<string, string>): AppraisalForm {
	const trial = typeof values.trial === 'string' ? values.trial.slice(0, 120) : '';
	const parsed = schema.safeParse(values);
	const data = (parsed.success ? parsed.data : {}) as Record<string, string | undefined>;
	if (!parsed.success) {
		// Keep whichever ratings were valid so the student does not lose them.
		for (const p of pedroItems) {
			const v = values[itemField(p.item)];
			if ((answers as readonly string[]).includes(v)) data[itemField(p.item)] = v;
		}
		if (parsed.error.issues.some((i) => i.path[0] === 'trial')) return { ok: false, trial, message: 'This lesson has no such trial to appraise.', chosen: chosenOf(data) };
	}
	const missing = pedroItems.filter((p) => !data[itemField(p.item)]).map((p) => p.item);
	if (missing.length > 0 || !parsed.success) {
		const list = missing.length === 1 ? `item ${missing[0]} has` : `items ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)} have`;
		return { ok: false, trial, message: `Rate every item yes or no before scoring: ${list} no answer.`, chosen: chosenOf(data) };
	}
	return { ok: true, trial, answers: pedroItems.map((p) => data[itemField(p.item)] as Answer) };
}

function chosenOf(data: Record<string, string | undefined>): Record<number, Answer> {
	return Object.fromEntries(pedroItems.filter((p) => data[itemField(p.item)]).map((p) => [p.item, data[itemField(p.item)] as Answer]));
}
