// The PEDro scale: its 11 items in their standard wording and the quality bands its 0-10 total is read in. Item 1
// (eligibility criteria) bears on external validity, so PEDro leaves it out of the total (items 2-11 count).
// Bands: 9-10 excellent, 6-8 good, 4-5 fair, 0-3 poor, the convention reported in Cashin AG, McAuley JH.
// Clinimetrics: Physiotherapy Evidence Database (PEDro) Scale. J Physiother 2020;66(1):59,
// doi:10.1016/j.jphys.2019.08.005 (summarized at pedro.org.au, "Summary of measurement properties of the PEDro
// scale", read 2026-12-03, which adds that the bands are not validated and that 8/10 is the practical best for
// complex interventions). The one source for both lists: the scoring, the form and the tests read them here.

export const answers = ['yes', 'no'] as const;
export type Answer = (typeof answers)[number];

/** The fields of a trial's structured summary, in reading order, each with the label the student sees. */
export const summaryFields = [
	{ field: 'question', label: 'Question (PICO)' },
	{ field: 'design', label: 'Design' },
	{ field: 'allocation', label: 'Allocation' },
	{ field: 'blinding', label: 'Blinding' },
	{ field: 'dropouts', label: 'Dropouts' },
	{ field: 'analysis', label: 'Analysis' },
	{ field: 'results', label: 'Results' }
] as const;
export type SummaryField = (typeof summaryFields)[number]['field'];
export const summaryFieldNames = summaryFields.map((f) => f.field) as [SummaryField, ...SummaryField[]];

export interface PedroItem {
	item: number;
	/** A short name for results and headings. */
	name: string;
	/** The criterion as the scale words it. */
	wording: string;
	/** Whether a "yes" adds to the 0-10 total. */
	counted: boolean;
}

export const pedroItems: readonly PedroItem[] = [
	{ item: 1, name: 'Eligibility criteria', counted: false, wording: 'Eligibility criteria were specified.' },
	{ item: 2, name: 'Random allocation', counted: true, wording: 'Subjects were randomly allocated to groups (in a crossover study, subjects were randomly allocated an order in which treatments were received).' },
	{ item: 3, name: 'Concealed allocation', counted: true, wording: 'Allocation was concealed.' },
	{ item: 4, name: 'Baseline comparability', counted: true, wording: 'The groups were similar at baseline regarding the most important prognostic indicators.' },
	{ item: 5, name: 'Blinded subjects', counted: true, wording: 'There was blinding of all subjects.' },
	{ item: 6, name: 'Blinded therapists', counted: true, wording: 'There was blinding of all therapists who administered the therapy.' },
	{ item: 7, name: 'Blinded assessors', counted: true, wording: 'There was blinding of all assessors who measured at least one key outcome.' },
	{ item: 8, name: 'Adequate follow-up', counted: true, wording: 'Measures of at least one key outcome were obtained from more than 85% of the subjects initially allocated to groups.' },
	{ item: 9, name: 'Intention to treat', counted: true, wording: 'All subjects for whom outcome measures were available received the treatment or control condition as allocated or, where this was not the case, data for at least one key outcome was analysed by "intention to treat".' },
	{ item: 10, name: 'Between-group comparison', counted: true, wording: 'The results of between-group statistical comparisons are reported for at least one key outcome.' },
	{ item: 11, name: 'Point estimates and variability', counted: true, wording: 'The study provides both point measures and measures of variability for at least one key outcome.' }
];

export const PEDRO_ITEM_COUNT = pedroItems.length;
export const PEDRO_MAX_TOTAL = pedroItems.filter((i) => i.counted).length;

export type PedroBand = 'excellent' | 'good' | 'fair' | 'poor';

/** Lowest total of each band, highest band first. */
export const pedroBands: readonly { band: PedroBand; min: number }[] = [
	{ band: 'excellent', min: 9 },
	{ band: 'good', min: 6 },
	{ band: 'fair', min: 4 },
	{ band: 'poor', min: 0 }
];

/** The band a PEDro total (0-10) falls in. */
export function pedroBand(total: number): PedroBand {
	if (!Number.isInteger(total) || total < 0 || total > PEDRO_MAX_TOTAL) throw new RangeError(`A PEDro total is a whole number from 0 to ${PEDRO_MAX_TOTAL}, not ${total}`);
	return pedroBands.find((b) => total >= b.min)!.band;
}

/** The bands in words, highest first, e.g. "9 to 10 excellent, ..., 0 to 3 poor". */
export function describeBands(): string {
	return pedroBands.map((b, i) => `${b.min} to ${i === 0 ? PEDRO_MAX_TOTAL : pedroBands[i - 1].min - 1} ${b.band}`).join(', ');
}

/** The 0-10 total of 11 answers (item 1 first): one point per "yes" on a counted item. */
export function pedroTotal(itemAnswers: readonly Answer[]): number {
	if (itemAnswers.length !== PEDRO_ITEM_COUNT) throw new RangeError(`PEDro has ${PEDRO_ITEM_COUNT} items, not ${itemAnswers.length}`);
	return pedroItems.filter((item, i) => item.counted && itemAnswers[i] === 'yes').length;
}
