// The class view as a spreadsheet. Cells go through toCsv, which neutralises formula injection (a student named
// =HYPERLINK(...) stays text) and quotes per RFC 4180.
import { toCsv, type CsvCell } from '$lib/analytics/csv';
import type { ClassView } from './class-view';

function isoDay(date: Date | null): string | null {
	return date ? date.toISOString().slice(0, 10) : null;
}

function isoMinute(date: Date | null): string | null {
	return date ? date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : null;
}

export function classViewCsv(view: Pick<ClassView, 'quizzes' | 'rows' | 'lessonsTotal'>): string {
	const header: CsvCell[] = [
		'Name',
		'Email',
		'Enrolled',
		'Lessons completed',
		'Lessons in course',
		'Last activity',
		'Course completed',
		'CE hours',
		...view.quizzes.map((q) => `Best % ${q.title}`)
	];
	const rows = view.rows.map((r): CsvCell[] => [
		r.name,
		r.email,
		isoDay(r.enrolledAt),
		r.lessonsDone,
		view.lessonsTotal,
		isoMinute(r.lastActivity),
		isoDay(r.completedAt),
		r.ceQuarterHours / 4,
		...r.best
	]);
	return toCsv([header, ...rows]);
}

/** A file name safe on every system: the course slug and the day. */
export function classCsvFilename(courseSlug: string, now = new Date()): string {
	const slug = courseSlug.replace(/[^a-z0-9-]+/gi, '-').slice(0, 80) || 'course';
	return `class-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
