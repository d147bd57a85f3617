// Item (question) statistics after Moodle's quiz statistics report: facility, SD and discrimination index.
import { assertScoreMatrix, cellAt, longestRow, type ScoreMatrix } from './matrix';
import { mean, pearson, sampleSd } from './math';

/** Facility (0..1) above which an item is flagged as too easy. */
export const TOO_EASY_FACILITY = 0.9;
/** Facility (0..1) below which an item is flagged as too hard. */
export const TOO_HARD_FACILITY = 0.2;
/** Discrimination index (−100..100) below which an item is flagged as weakly discriminating. */
export const LOW_DISCRIMINATION_INDEX = 20;
/** The low-discrimination flag needs this many attempts at the item; fewer give too noisy a correlation. */
export const MIN_ATTEMPTS_FOR_LOW_DISCRIMINATION = 10;
/** Discrimination index below which an item is flagged as negatively discriminating. */
export const NEGATIVE_DISCRIMINATION_INDEX = 0;

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
	const { facility, facilityPercent, discriminationIndex: di, attempts } = item;
	if (facility !== null && facilityPercent !== null) {
		const shown = formatNumber(facilityPercent);
		if (facility > TOO_EASY_FACILITY) {
			flags.push({
				code: 'too-easy',
				reason: `Facility ${shown}%: nearly everyone gets this right, so it tells you little about who has mastered the topic.`
			});
		} else if (facility < TOO_HARD_FACILITY) {
			flags.push({
				code: 'too-hard',
				reason: `Facility ${shown}%: nearly everyone gets this wrong; check the answer key, the wording and whether the topic was taught.`
			});
		}
	}
	if (di !== null) {
		const shown = formatNumber(di);
		if (di < NEGATIVE_DISCRIMINATION_INDEX) {
			flags.push({
				code: 'negative-discrimination',
				reason: `Discrimination ${shown}: students who did well on the rest of the quiz did worse on this item; check the answer key and wording.`
			});
		} else if (di < LOW_DISCRIMINATION_INDEX && attempts >= MIN_ATTEMPTS_FOR_LOW_DISCRIMINATION) {
			flags.push({
				code: 'low-discrimination',
				reason: `Discrimination ${shown}: students who did well on the rest of the quiz were barely more likely to get this right.`
			});
		}
	}
	return flags;
}

/** Whole numbers, except that values which would round to 0 keep one decimal (so −0.4 does not read as 0). */
function formatNumber(value: number): string {
	return Math.abs(value) < 0.5 && value !== 0 ? value.toFixed(1) : String(Math.round(value));
}
