import { formatCeHours } from '../format';

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

/** A course's CE credit from quarter hours, in the site's one unit: "1 CE hour", "2.5 CE hours". */
export function formatCe(quarterHours: number): string {
	return formatCeHours(quarterHours / 4);
}
