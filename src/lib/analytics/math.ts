// Small numeric helpers shared by the quiz statistics modules. Pure: no I/O, no framework.

/**
 * Variances at or below this are treated as zero. Inputs are fractions (0..1) or percentages, so real spread is
 * many orders of magnitude larger; this only absorbs floating-point noise such as 0.1 + 0.2 versus 0.3.
 */
export const ZERO_VARIANCE = 1e-12;

export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

/** Sample variance (divides by n − 1); null for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
	const m = mean(values);
	if (m === null || values.length < 2) return null;
	let squares = 0;
	for (const value of values) squares += (value - m) ** 2;
	return squares / (values.length - 1);
}

export function sampleSd(values: readonly number[]): number | null {
	const variance = sampleVariance(values);
	return variance === null ? null : Math.sqrt(variance);
}

/**
 * Pearson correlation of paired values; null when there are fewer than two pairs or either side does not vary
 * (the correlation is then undefined). Clamped to [−1, 1] against rounding.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
	if (xs.length !== ys.length) throw new RangeError(`pearson: ${xs.length} x values but ${ys.length} y values`);
	const varX = sampleVariance(xs);
	const varY = sampleVariance(ys);
	if (varX === null || varY === null || varX <= ZERO_VARIANCE || varY <= ZERO_VARIANCE) return null;
	const mx = mean(xs) as number;
	const my = mean(ys) as number;
	let products = 0;
	for (let i = 0; i < xs.length; i++) products += (xs[i] - mx) * (ys[i] - my);
	const covariance = products / (xs.length - 1);
	return Math.max(-1, Math.min(1, covariance / Math.sqrt(varX * varY)));
}
