import { generateVerificationCode } from '../../src/lib/certification/code';
import { attemptAnswers, sqlOn } from './answers';
import { Client, registerUser, uniqueEmail } from './client';
import { quizIdOf, takeQuiz } from './journeys';
import { addCourseCertificate } from './world-compliance';
import { afterAll, beforeAll } from 'vitest';
import { removeServerFiles, startServer, type TestServer } from './server';

export type Actor = 'anonymous' | 'student' | 'otherStudent' | 'otherInstructor' | 'instructor' | 'admin';
export const actors: Actor[] = ['anonymous', 'student', 'otherStudent', 'otherInstructor', 'instructor', 'admin'];

export interface World {
	clients: Record<Actor, Client>;
	emails: Record<Exclude<Actor, 'anonymous'>, string>;
	ids: {
		courseA: number;
		courseB: number;
		quizA: number;
		quizB: number;
		questionA: number;
		submittedAttempt: number;
		openAttempt: number;
		certificate: number;
		certificateCode: string;
		ledgerEntry: number;
		card: number;
		studentId: number;
		courseCertificate: number;
		courseCertificateCode: string;
	};
}

async function userWithRole(server: TestServer, role: 'student' | 'instructor' | 'admin', name: string) {
	const client = new Client(server.url);
	const { email } = await registerUser(client, name, uniqueEmail(role));
	if (role !== 'student') await sqlOn(server.databaseUrl, 'UPDATE users SET role = ? WHERE email = ?', [role, email]);
	return { client, email };
}

/**
 * A populated site for cross-cutting tests: a student with a submitted and an open attempt, a review card, a
 * certificate and a ledger entry; another student; the instructor of course A and the instructor of course B; an
 * admin. Course A is "The Science of Massage", course B "Safe Practice on the Care Team".
 */
export async function buildWorld(server: TestServer): Promise<World> {
	const student = await userWithRole(server, 'student', 'Sam Student');
	const otherStudent = await userWithRole(server, 'student', 'Olive Other');
	const instructor = await userWithRole(server, 'instructor', 'Ina Instructor');
	const otherInstructor = await userWithRole(server, 'instructor', 'Omar Otherteach');
	const admin = await userWithRole(server, 'admin', 'Ada Admin');

	const [courseA, courseB] = (await sqlOn(server.databaseUrl, 'SELECT id FROM courses ORDER BY position')).map((r) => Number(r.id));
	await sqlOn(server.databaseUrl, 'INSERT INTO course_instructors (user_id, course_id) SELECT id, ? FROM users WHERE email = ?', [courseA, instructor.email]);
	await sqlOn(server.databaseUrl, 'INSERT INTO course_instructors (user_id, course_id) SELECT id, ? FROM users WHERE email = ?', [courseB, otherInstructor.email]);

	const quizA = await quizIdOf(server, 'science-of-massage/weighing-the-evidence/quiz');
	const quizB = await quizIdOf(server, 'safe-practice-on-the-care-team/red-flags-and-referral/quiz');
	const [{ question_id: questionA }] = await sqlOn(server.databaseUrl, 'SELECT question_id FROM quiz_questions WHERE quiz_id = ? ORDER BY position LIMIT 1', [quizA]);
	const submittedAttempt = await takeQuiz(student.client, server, quizA);
	const start = await student.client.post(`/quizzes/${quizB}?/start`, {});
	const openAttempt = Number(/\/attempts\/(\d+)/.exec(start.headers.get('location')!)![1]);
	await student.client.post(`/attempts/${openAttempt}?/save`, (await attemptAnswers(server.databaseUrl, openAttempt)).fields);

	const studentId = Number((await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [student.email]))[0].id);
	await sqlOn(server.databaseUrl, 'UPDATE review_cards SET due = ? WHERE user_id = ?', [Date.now() - 1000, studentId]);
	const [{ id: card }] = await sqlOn(server.databaseUrl, 'SELECT id FROM review_cards WHERE user_id = ? ORDER BY id LIMIT 1', [studentId]);
	const code = generateVerificationCode();
	const now = Date.now();
	await sqlOn(
		server.databaseUrl,
		`INSERT INTO certificates (code, user_id, track_slug, track_title, holder_name, holder_email, courses, ce_quarter_hours, completed_at, issued_at, expires_at, credential_salt)
		 VALUES (?, ?, 'evidence-informed-massage-practitioner', 'Evidence-Informed Massage Practitioner', 'Sam Student', ?, ?, 4, ?, ?, ?, 'salt')`,
		[code, studentId, student.email, JSON.stringify([{ slug: 'science-of-massage', title: 'The Science of Massage', ceQuarterHours: 4, finalPercent: 100, completedAt: new Date(now).toISOString() }]), now, now, now + 730 * 86_400_000]
	);
	const [{ id: certificate }] = await sqlOn(server.databaseUrl, 'SELECT id FROM certificates WHERE code = ?', [code]);
	await sqlOn(
		server.databaseUrl,
		`INSERT INTO ce_entries (user_id, source, provider, title, earned_on, hundredths, category, self_study) VALUES (?, 'self-reported', 'Elsewhere', 'Ethics workshop', '2026-10-01', 300, 'ethics', 0)`,
		[studentId]
	);
	const [{ id: ledgerEntry }] = await sqlOn(server.databaseUrl, 'SELECT id FROM ce_entries WHERE user_id = ? ORDER BY id DESC LIMIT 1', [studentId]);

	const course = await addCourseCertificate(server, studentId, courseA);

	return {
		clients: {
			anonymous: new Client(server.url),
			student: student.client,
			otherStudent: otherStudent.client,
			instructor: instructor.client,
			otherInstructor: otherInstructor.client,
			admin: admin.client
		},
		emails: {
			student: student.email,
			otherStudent: otherStudent.email,
			instructor: instructor.email,
			otherInstructor: otherInstructor.email,
			admin: admin.email
		},
		ids: {
			courseA,
			courseB,
			quizA,
			quizB,
			questionA: Number(questionA),
			submittedAttempt,
			openAttempt,
			certificate: Number(certificate),
			certificateCode: code,
			ledgerEntry: Number(ledgerEntry),
			card: Number(card),
			studentId: Number(studentId),
			courseCertificate: course.id,
			courseCertificateCode: course.code
		}
	};
}

/**
 * Starts a server with a populated world before the file's (or describe block's) tests and removes both after.
 * `ready` receives them, to keep them in the file's variables and add what the file needs on top.
 */
export function useWorld(ready: (server: TestServer, world: World) => void | Promise<void>): void {
	let server: TestServer | undefined;
	beforeAll(async () => {
		server = await startServer();
		await ready(server, await buildWorld(server));
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
		if (server) removeServerFiles(server);
	});
}
