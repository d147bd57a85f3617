// Test-level statistics over attempt scores in percent (0..100), after Moodle's quiz statistics report.
import { mean, sampleSd } from './math';

export interface ScoreSummary {
	count: number;
	mean: number | null;
	median: number | null;
	/** Sample standard deviation (n − 1); null for fewer than two scores. */
	sd: number | null;
	min: number | null;
	max: number | null;
}

export interface HistogramBin {
	from: number;
	to: number;
	count: number;
}

function assertFinite(percents: readonly number[], where: string): void {
	percents.forEach((value, i) => {
		if (!Number.isFinite(value)) throw new RangeError(`${where}: score ${i} is not a finite number (${value})`);
	});
}

export function describeScores(percents: readonly number[]): ScoreSummary {
	assertFinite(percents, 'describeScores');
	const count = percents.length;
	if (count === 0) return { count: 0, mean: null, median: null, sd: null, min: null, max: null };
	const sorted = [...percents].sort((a, b) => a - b);
	const middle = Math.floor(count / 2);
	const median = count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { count, mean: mean(sorted), median, sd: sampleSd(sorted), min: sorted[0], max: sorted[count - 1] };
}

/**
 * Bins of `binWidth` covering 0..100: each bin is [from, to) except the last, which is [from, 100] so that full
 * marks are counted. When 100 is not a multiple of the width, the last bin is narrower (e.g. width 30 → 90–100).
 * Scores below 0 or above 100 (extra credit) are counted in the first or last bin, so the counts sum to the input length.
 */
export function scoreHistogram(percents: readonly number[], binWidth = 10): HistogramBin[] {
	if (!Number.isFinite(binWidth) || binWidth <= 0 || binWidth > 100) {
		throw new RangeError(`scoreHistogram: binWidth must be in (0, 100], got ${binWidth}`);
	}
	assertFinite(percents, 'scoreHistogram');
	// The small tolerances absorb rounding in the divisions (0.3 / 0.1 is 2.9999999999999996, not 3).
	const binCount = Math.ceil(100 / binWidth - 1e-9);
	const bins: HistogramBin[] = [];
	for (let i = 0; i < binCount; i++) {
		bins.push({ from: i * binWidth, to: i === binCount - 1 ? 100 : (i + 1) * binWidth, count: 0 });
	}
	for (const percent of percents) {
		const index = Math.min(binCount - 1, Math.max(0, Math.floor(percent / binWidth + 1e-9)));
		bins[index].count++;
	}
	return bins;
}

/** Share (0..1) of scores at or above `passing` (a percentage); null when there are no scores. */
export function passRate(percents: readonly number[], passing: number): number | null {
	if (!Number.isFinite(passing)) throw new RangeError(`passRate: passing mark must be finite, got ${passing}`);
	assertFinite(percents, 'passRate');
	if (percents.length === 0) return null;
	return percents.filter((percent) => percent >= passing).length / percents.length;
}
