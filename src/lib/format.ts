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

/** How far off a moment is, as people say it: "in 10 minutes", "in 3 hours", "tomorrow", "in 4 days". */
export function formatRelativeDue(due: Date, now: Date): string {
	const minutes = Math.max(0, Math.round((due.getTime() - now.getTime()) / 60_000));
	if (minutes < 1) return 'now';
	if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
	const hours = Math.round(minutes / 60);
	if (hours < 20) return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
	const days = Math.max(1, Math.round(minutes / 1440));
	if (days === 1) return 'tomorrow';
	return `in ${formatCount(days)} days`;
}
