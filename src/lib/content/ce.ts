// NCBTMB's home-study rule: 12,000 words of reading earn 1 CE and each hour of video or audio earns 1 CE. The
// total is rounded down to the quarter hour, so a course never claims more than it delivers.

export const WORDS_PER_CE = 12_000;

/** CE hours in whole quarter hours (5 means 1.25 CE). */
export function computeCeQuarterHours(words: number, mediaMinutes = 0): number {
	if (words < 0 || mediaMinutes < 0) throw new RangeError('words and media minutes cannot be negative');
	const hours = words / WORDS_PER_CE + mediaMinutes / 60;
	// A small epsilon keeps 12,000 words at exactly 1 CE despite floating point.
	return Math.floor(hours * 4 + 1e-9);
}

/** On the site, one unit in plain words: "1 CE hour", "2.5 CE hours". (The certificate PDF keeps NCBTMB's "CEs".) */
export function formatCe(quarterHours: number): string {
	const hours = quarterHours / 4;
	return `${hours.toFixed(2).replace(/\.?0+$/, '')} CE ${hours === 1 ? 'hour' : 'hours'}`;
}
