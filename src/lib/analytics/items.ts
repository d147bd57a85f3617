// Item (question) statistics after Moodle's quiz statistics report: facility, SD and discrimination index.
import { assertScoreMatrix, cellAt, longestRow, type ScoreMatrix } from './matrix';
import { mean, pearson, sampleSd } from './math';

/**
 * The thresholds of the question flags, in the units the analytics page shows them: facility in percent (0..100),
 * discrimination as Moodle's index (the correlation × 100, −100..100). The flags and the page's legend both read
 * these, and a figure is compared as it is shown (rounded to one decimal, see shownFigure), so a question shown
 * with a discrimination of 9.8 under a legend saying "below 20 is weak" is always flagged.
 */
export const itemThresholds = {
	/** Facility above this is "too easy". */
	tooEasyAbovePercent: 90,
	/** Facility below this is "too hard". */
	tooHardBelowPercent: 20,
	/** Discrimination below this is weak. */
	weakDiscriminationBelow: 20,
	/** Discrimination below this points the wrong way. */
	negativeDiscriminationBelow: 0,
	/** Below this many attempts at a question, a discrimination flag says the figure is rough. */
	roughBelowAttempts: 10
} as const;

/** A figure rounded as the page shows it: one decimal. */
export function roundShown(value: number): number {
	return Math.round(value * 10) / 10 || 0;
}

/** A figure as the page shows it: "9.8", "-100.0". */
export function shownFigure(value: number | null): string {
	return value === null ? '—' : roundShown(value).toFixed(1);
}

export type ItemFlagCode = 'too-easy' | 'too-hard' | 'low-discrimination' | 'negative-discrimination';

export interface ItemFlag {
	code: ItemFlagCode;
	/** One line for the instructor. */
	reason: string;
}

export interface ItemStats {
	/** Column of the matrix. */
	index: number;
	/** options.itemIds[index], or null when no ids were given. */
	itemId: string | null;
	/** Attempts that included this item (non-null cells). */
	attempts: number;
	/** Mean fraction of the marks earned, 0..1; null without attempts. */
	facility: number | null;
	/** Moodle's facility index: facility × 100. */
	facilityPercent: number | null;
	/** Sample SD (n − 1) of the item's fractions; null for fewer than 2 attempts. */
	sd: number | null;
	/**
	 * Pearson correlation, over the attempts that include the item, between the item's fraction and the rest of the
	 * test (the attempt's total over its present items, minus this item). Null when either side does not vary.
	 */
	discrimination: number | null;
	/** Moodle's discrimination index: discrimination × 100. */
	discriminationIndex: number | null;
	flags: ItemFlag[];
}

export interface AnalyseItemsOptions {
	/**
	 * Item ids by column. Also fixes the item count, so an item nobody attempted still gets a row;
	 * a matrix row longer than this list is an error. Without ids, the count is the longest row.
	 */
	itemIds?: readonly string[];
}

export function analyseItems(matrix: ScoreMatrix, options: AnalyseItemsOptions = {}): ItemStats[] {
	assertScoreMatrix(matrix, 'analyseItems');
	const { itemIds } = options;
	const rowLength = longestRow(matrix);
	if (itemIds && rowLength > itemIds.length) {
		throw new RangeError(`analyseItems: a matrix row has ${rowLength} items but only ${itemIds.length} item ids were given`);
	}
	const itemCount = itemIds ? itemIds.length : rowLength;
	const totals = matrix.map((row) => row.reduce<number>((sum, value) => sum + (value ?? 0), 0));

	const stats: ItemStats[] = [];
	for (let item = 0; item < itemCount; item++) {
		const scores: number[] = [];
		const rest: number[] = [];
		for (let attempt = 0; attempt < matrix.length; attempt++) {
			const value = cellAt(matrix, attempt, item);
			if (value === null) continue;
			scores.push(value);
			rest.push(totals[attempt] - value);
		}
		const facility = mean(scores);
		const discrimination = scores.length < 2 ? null : pearson(scores, rest);
		const partial = {
			index: item,
			itemId: itemIds ? itemIds[item] : null,
			attempts: scores.length,
			facility,
			facilityPercent: facility === null ? null : facility * 100,
			sd: sampleSd(scores),
			discrimination,
			discriminationIndex: discrimination === null ? null : discrimination * 100
		};
		stats.push({ ...partial, flags: flagItem(partial) });
	}
	return stats;
}

function flagItem(item: Omit<ItemStats, 'flags'>): ItemFlag[] {
	const flags: ItemFlag[] = [];
	const t = itemThresholds;
	const { facilityPercent, discriminationIndex, attempts } = item;
	if (facilityPercent !== null) {
		const facility = roundShown(facilityPercent);
		const shown = shownFigure(facilityPercent);
		if (facility > t.tooEasyAbovePercent) {
			flags.push({
				code: 'too-easy',
				reason: `Facility ${shown}% (above ${t.tooEasyAbovePercent}%): nearly everyone gets this right, so it tells you little about who has mastered the topic.`
			});
		} else if (facility < t.tooHardBelowPercent) {
			flags.push({
				code: 'too-hard',
				reason: `Facility ${shown}% (below ${t.tooHardBelowPercent}%): nearly everyone gets this wrong; check the answer key, the wording and whether the topic was taught.`
			});
		}
	}
	if (discriminationIndex !== null) {
		const di = roundShown(discriminationIndex);
		const shown = shownFigure(discriminationIndex);
		const rough = attempts < t.roughBelowAttempts ? ` With only ${attempts} attempts at this question, this is a rough figure.` : '';
		if (di < t.negativeDiscriminationBelow) {
			flags.push({
				code: 'negative-discrimination',
				reason: `Discrimination ${shown} (below ${t.negativeDiscriminationBelow}): students who did well on the rest of the quiz did worse on this item; check the answer key and wording.${rough}`
			});
		} else if (di < t.weakDiscriminationBelow) {
			flags.push({
				code: 'low-discrimination',
				reason: `Discrimination ${shown} (below ${t.weakDiscriminationBelow}): students who did well on the rest of the quiz were barely more likely to get this right.${rough}`
			});
		}
	}
	return flags;
}
