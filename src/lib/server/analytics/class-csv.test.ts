import { describe, expect, it } from 'vitest';
import { classCsvFilename, classViewCsv } from './class-csv';

const row = (name: string, best: (number | null)[]) => ({
	id: 1,
	name,
	email: 'a@example.org',
	enrolledAt: new Date('2025-03-01T10:00:00Z'),
	completedAt: null,
	lessonsDone: 2,
	lastActivity: new Date('2025-03-04T08:09:10Z'),
	best,
	passed: best.map((b) => (b === null ? null : b >= 70)),
	ceQuarterHours: 0
});

describe('classViewCsv', () => {
	const quizzes = [
		{ id: 7, title: 'Lesson check: One', kind: 'lesson' as const, short: 'Check 1' },
		{ id: 9, title: 'Final exam: All', kind: 'final' as const, short: 'Final' }
	];

	it('writes a header and one row per student, with a column per quiz', () => {
		const csv = classViewCsv({ quizzes, lessonsTotal: 6, rows: [row('Ada Lovelace', [80, null])] });
		expect(csv.split('\r\n')).toEqual([
			'Name,Email,Enrolled,Lessons completed,Lessons in course,Last activity,Course completed,CE hours,Best % Lesson check: One,Best % Final exam: All',
			'Ada Lovelace,a@example.org,2025-03-01,2,6,2025-03-04 08:09 UTC,,0,80,',
			''
		]);
	});

	it('neutralises names a spreadsheet would run as formulas', () => {
		const csv = classViewCsv({ quizzes, lessonsTotal: 6, rows: [row('=HYPERLINK("http://evil")', [null, null]), row('@SUM(A1)', [null, null])] });
		const [, first, second] = csv.split('\r\n');
		expect(first.startsWith(`"'=HYPERLINK(""http://evil"")",`)).toBe(true);
		expect(second.startsWith(`'@SUM(A1),`)).toBe(true);
	});

	it('names the file after the course and the day', () => {
		expect(classCsvFilename('science-of-massage', new Date('2025-03-04T23:00:00Z'))).toBe('class-science-of-massage-2025-03-04.csv');
		expect(classCsvFilename('a"b/c')).toMatch(/^class-a-b-c-\d{4}-\d{2}-\d{2}\.csv$/);
	});
});
