import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../content/errors';
import { answers, PEDRO_ITEM_COUNT, PEDRO_MAX_TOTAL, summaryFieldNames } from './pedro';

// A course's trials.yaml: the trials its lessons ask students to appraise, each with a structured summary (what the
// student reads) and the expert PEDro key (what the server scores against; it never goes to the browser unasked).

const text = (max: number) => z.string().trim().min(1).max(max);

// The same fields, in the same order, as summaryFields in pedro.ts (a unit test holds them equal).
export const summarySchema = z.strictObject({
	question: text(2000),
	design: text(2000),
	allocation: text(2000),
	blinding: text(2000),
	dropouts: text(2000),
	analysis: text(2000),
	results: text(2000)
});

const keyItem = z.strictObject({
	item: z.number().int().min(1).max(PEDRO_ITEM_COUNT),
	answer: z.enum(answers, { error: 'must be yes or no (quote it if in doubt: "yes")' }),
	decidedBy: z.enum(summaryFieldNames, { error: `must name a summary field: ${summaryFieldNames.join(', ')}` }),
	explanation: text(600)
});

export const trialSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lowercase words joined by hyphens'),
	cite: z.string().regex(/^[a-z0-9-]+$/, 'a bibliography key'),
	title: text(200),
	summary: summarySchema,
	key: z
		.array(keyItem)
		.length(PEDRO_ITEM_COUNT, `the key rates all ${PEDRO_ITEM_COUNT} PEDro items`)
		.refine((items) => items.every((k, i) => k.item === i + 1), `list items 1 to ${PEDRO_ITEM_COUNT} once each, in order`),
	pedroDatabaseScore: z.number().int().min(0).max(PEDRO_MAX_TOTAL).optional()
});

export const trialsFileSchema = z.strictObject({ trials: z.array(trialSchema).min(1) });

export type Trial = z.infer<typeof trialSchema>;
export type TrialSummary = Trial['summary'];
export type KeyItem = Trial['key'][number];

/** What the browser may see of a trial before the student submits: never the key. */
export interface PublicTrial {
	id: string;
	cite: string;
	title: string;
	summary: TrialSummary;
}

export function publicTrial(trial: Trial): PublicTrial {
	return { id: trial.id, cite: trial.cite, title: trial.title, summary: { ...trial.summary } };
}

/** Parses and validates a trials file; throws ContentError naming the file, the trial and the field. */
export function parseTrials(file: string, raw: string, bibliographyKeys: Set<string>): Map<string, Trial> {
	let data: unknown;
	try {
		data = parseYaml(raw);
	} catch (e) {
		throw new ContentError(file, `not valid YAML: ${(e as Error).message}`);
	}
	const parsed = trialsFileSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const [top, index, ...field] = issue.path;
		if (top !== 'trials' || typeof index !== 'number') throw new ContentError(file, `field "${issue.path.join('.') || 'trials'}": ${issue.message}`);
		const id = (data as { trials: { id?: unknown }[] }).trials[index]?.id;
		const where = `trial ${index + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
		throw new ContentError(file, `${where}, field "${field.join('.') || '(the trial)'}": ${issue.message}`);
	}
	const trials = new Map<string, Trial>();
	for (const trial of parsed.data.trials) {
		if (trials.has(trial.id)) throw new ContentError(file, `duplicate trial id "${trial.id}"`);
		if (!bibliographyKeys.has(trial.cite)) throw new ContentError(file, `trial "${trial.id}", field "cite": unknown citation key "${trial.cite}"`);
		trials.set(trial.id, trial);
	}
	return trials;
}

/** A lesson's <TrialAppraisal> trial ids, each required to be a trial of its course cited in its references. */
export function checkAppraisals(file: string, ids: string[], trials: Map<string, Trial>, references: string[]): string[] {
	for (const id of ids) {
		const trial = trials.get(id);
		if (!trial) throw new ContentError(file, `<TrialAppraisal trial="${id}" />: no trial with that id in the course's trials.yaml`);
		if (!references.includes(trial.cite))
			throw new ContentError(file, `<TrialAppraisal trial="${id}" />: add its citation "${trial.cite}" to the "references" field`);
	}
	if (new Set(ids).size !== ids.length) throw new ContentError(file, 'each <TrialAppraisal trial="..." /> may appear once per lesson');
	return ids;
}
