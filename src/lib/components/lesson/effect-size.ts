// Math behind the effect-size explorer. Pure functions, unit tested.

/** Standard normal density. */
export function normalPdf(x: number, mean = 0): number {
	return Math.exp(-0.5 * (x - mean) ** 2) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 via erf; error below 1.5e-7). */
export function normalCdf(x: number): number {
	const z = Math.abs(x) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * z);
	const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-z * z);
	return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Probability that a random treated person scores better than a random control: Φ(d/√2). */
export function probabilityOfSuperiority(d: number): number {
	return normalCdf(d / Math.SQRT2);
}

/** Share of the two distributions that overlaps (overlapping coefficient): 2Φ(-|d|/2). */
export function overlap(d: number): number {
	return 2 * normalCdf(-Math.abs(d) / 2);
}

/** Cohen's conventional labels, which he himself warned are rough. */
export function describeEffect(d: number): string {
	const size = Math.abs(d);
	if (size < 0.2) return 'negligible';
	if (size < 0.5) return 'small';
	if (size < 0.8) return 'medium';
	return 'large';
}

/** SVG path of a normal curve centred on mean, scaled into a width × height box spanning x in [lo, hi]. */
// The explorer draws the same few curves (one per slider step) on every page render: each is computed once.
const curves = new Map<string, string>();
const MAX_CURVES = 200;

export function curvePath(mean: number, lo: number, hi: number, width: number, height: number, steps = 80): string {
	const key = `${mean},${lo},${hi},${width},${height},${steps}`;
	let path = curves.get(key);
	if (path === undefined) {
		if (curves.size >= MAX_CURVES) curves.clear();
		curves.set(key, (path = drawCurve(mean, lo, hi, width, height, steps)));
	}
	return path;
}

function drawCurve(mean: number, lo: number, hi: number, width: number, height: number, steps: number): string {
	const peak = normalPdf(0);
	const points: string[] = [];
	for (let i = 0; i <= steps; i++) {
		const x = lo + ((hi - lo) * i) / steps;
		const px = ((x - lo) / (hi - lo)) * width;
		const py = height - (normalPdf(x, mean) / peak) * (height - 4);
		points.push(`${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
	}
	return points.join(' ');
}
