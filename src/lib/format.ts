// The one place that turns numbers, CE credit and dates into words. Dates read as people say them ("3 December
// 2026"), in the reader's time zone: on the server that is the process's zone (TZ, UTC unless configured), and in
// the browser LocalTime re-renders the same instant in the browser's zone. Exports (CSV, reporting files,
// credentials, JSON) keep ISO and do not use these. Intl formatters are built once per zone and reused:
// toLocaleDateString builds one on every call, which showed up as a fifth of the dashboard's server time.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-20" → "20 Nov" (chart ticks). */
export function shortDate(isoDay: string): string {
	const month = Number(isoDay.slice(5, 7));
	const day = Number(isoDay.slice(8, 10));
	return `${day} ${MONTHS[month - 1] ?? '?'}`;
}

const counts = new Intl.NumberFormat('en-US');

/** 12345 → "12,345", with one shared formatter. */
export function formatCount(n: number): string {
	return counts.format(n);
}

/** CE credit in one unit and plain words: "1 CE hour", "2.5 CE hours", rounded to hundredths. */
export function formatCeHours(hours: number): string {
	if (!Number.isFinite(hours) || hours < 0) throw new RangeError('CE hours must be a non-negative number');
	const rounded = Math.round(hours * 100) / 100;
	return `${rounded} CE ${rounded === 1 ? 'hour' : 'hours'}`;
}

const LOCALE = 'en-GB';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'datetime', timeZone: string | undefined): Intl.DateTimeFormat {
	const key = `${kind}|${timeZone ?? ''}`;
	let f = formatters.get(key);
	if (!f) {
		const time = kind === 'datetime' ? ({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } as const) : {};
		f = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone, ...time });
		formatters.set(key, f);
	}
	return f;
}

/** The day of an instant in a time zone (default: this runtime's): "3 December 2026". */
export function formatDate(at: Date, timeZone?: string): string {
	return formatter('date', timeZone).format(at);
}

/** An instant with its time and zone, so it is never ambiguous: "3 December 2026, 14:05 UTC". */
export function formatDateTime(at: Date, timeZone?: string): string {
	const parts = formatter('datetime', timeZone).formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** A time of day with its zone: "14:05 UTC". */
export function formatTime(at: Date, timeZone?: string): string {
	const parts = formatter('datetime', timeZone).formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** A calendar day with no time ("2026-12-03", a date typed or approved as such): "3 December 2026" anywhere. */
export function formatDay(isoDay: string): string {
	return formatDate(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`), 'UTC');
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
