// Internal consistency (Cronbach's alpha), the "α" of Moodle's quiz statistics report.
import { assertScoreMatrix, cellAt, longestRow, type ScoreMatrix } from './matrix';
import { sampleVariance, ZERO_VARIANCE } from './math';

/**
 * α = k/(k−1) · (1 − Σ var(item) / var(total)), with sample variances (n − 1) over the attempts.
 *
 * Alpha needs every item scored on every attempt, so attempts missing any item (a null, or a short row) are left out.
 * Returns null when there are fewer than 2 items, fewer than 3 complete attempts, or the totals do not vary.
 * The result can be negative when items tend to disagree with each other.
 */
export function cronbachAlpha(matrix: ScoreMatrix): number | null {
	assertScoreMatrix(matrix, 'cronbachAlpha');
	const k = longestRow(matrix);
	if (k < 2) return null;
	const complete: number[][] = [];
	for (let attempt = 0; attempt < matrix.length; attempt++) {
		const row: number[] = [];
		for (let item = 0; item < k; item++) {
			const value = cellAt(matrix, attempt, item);
			if (value === null) break;
			row.push(value);
		}
		if (row.length === k) complete.push(row);
	}
	if (complete.length < 3) return null;
	const totalVariance = sampleVariance(complete.map((row) => row.reduce((sum, value) => sum + value, 0))) as number;
	if (totalVariance <= ZERO_VARIANCE) return null;
	let itemVariances = 0;
	for (let item = 0; item < k; item++) itemVariances += sampleVariance(complete.map((row) => row[item])) as number;
	return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}
