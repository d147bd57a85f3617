// Small, allocation-free formatters. toLocaleDateString builds an ICU formatter on every call, which showed up
// as a fifth of the dashboard's server time.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-20" → "Nov 20". */
export function shortDate(isoDay: string): string {
	const month = Number(isoDay.slice(5, 7));
	const day = Number(isoDay.slice(8, 10));
	return `${MONTHS[month - 1] ?? '?'} ${day}`;
}

const counts = new Intl.NumberFormat('en-US');

/** 12345 → "12,345", with one shared formatter. */
export function formatCount(n: number): string {
	return counts.format(n);
}
