// Synthetic data for the benchmark, written straight into a migrated and synced database with batched
// multi-row inserts: students with progress, attempts, certificates and review cards in realistic proportions.
import { createHash, randomBytes } from 'node:crypto';
import type { Client, InArgs } from '@libsql/client';
import { generateVerificationCode } from '../../src/lib/certification/code';
import { createRandom } from '../../src/lib/quiz/shuffle';

export interface SeedResult {
	students: number;
	sessions: string[]; // session tokens of the first students, for cookies
	instructorToken: string;
	openAttempts: { attemptId: number; token: string }[];
	certificateCodes: string[];
	analyticsQuizId: number;
	lessonPath: string;
}

async function insertMany(client: Client, table: string, columns: string[], rows: unknown[][], chunk = 400) {
	const statements = [];
	for (let i = 0; i < rows.length; i += chunk) {
		const part = rows.slice(i, i + chunk);
		const placeholders = part.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
		statements.push({ sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${placeholders}`, args: part.flat() as InArgs });
		if (statements.length >= 50) await client.batch(statements.splice(0), 'write');
	}
	if (statements.length) await client.batch(statements, 'write');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const DAY = 86_400_000;

export async function seedDatabase(client: Client, students: number, passwordHash: string, now = Date.now()): Promise<SeedResult> {
	const rand = createRandom(42);
	const firstUser = Number((await client.execute('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM users')).rows[0].id);
	const courses = (await client.execute('SELECT id, slug, ce_quarter_hours FROM courses ORDER BY position')).rows;
	const lessons = (await client.execute('SELECT id, course_id, slug FROM lessons WHERE active = 1 ORDER BY course_id, position')).rows;
	const quizzes = (await client.execute("SELECT id, course_id, lesson_id, kind FROM quizzes WHERE status = 'published' ORDER BY id")).rows;
	// Each quiz question's content is stored once as a question version (hashed as the app hashes it, see
	// src/lib/server/quiz/versions.ts); attempts and cards refer to it by version id.
	await client.execute(
		`INSERT INTO question_versions (question_id, hash, snapshot)
		 SELECT q.id, lower(hex(sha3(q.data))), q.data FROM questions q WHERE q.id IN (SELECT question_id FROM quiz_questions)
		 ON CONFLICT (hash) DO NOTHING`
	);
	const pools = new Map<number, { id: number; versionId: number }[]>();
	for (const q of quizzes) {
		const rows = await client.execute({
			sql: `SELECT q.id, v.id AS version_id FROM quiz_questions qq JOIN questions q ON q.id = qq.question_id
				JOIN question_versions v ON v.hash = lower(hex(sha3(q.data))) WHERE qq.quiz_id = ? ORDER BY qq.position`,
			args: [q.id]
		});
		pools.set(Number(q.id), rows.rows.map((r) => ({ id: Number(r.id), versionId: Number(r.version_id) })));
	}

	// Users, and sessions for the ones the benchmark logs in as.
	const users = Array.from({ length: students }, (_, i) => [
		firstUser + i,
		`student${i}@bench.touchstone.test`,
		`Student ${i}`,
		passwordHash,
		'student',
		now - 120 * DAY
	]);
	users.push([firstUser + students, 'instructor@bench.touchstone.test', 'Bench Instructor', passwordHash, 'admin', now - 200 * DAY]);
	await insertMany(client, 'users', ['id', 'email', 'name', 'password_hash', 'role', 'created_at'], users);
	const sessionCount = Math.min(students, 8000);
	const sessions = Array.from({ length: sessionCount }, () => randomBytes(20).toString('hex'));
	const instructorToken = randomBytes(20).toString('hex');
	await insertMany(
		client,
		'sessions',
		['id', 'user_id', 'expires_at'],
		[...sessions.map((t, i) => [sha256(t), firstUser + i, now + 30 * DAY]), [sha256(instructorToken), firstUser + students, now + 30 * DAY]]
	);

	const enrollments: unknown[][] = [];
	const progress: unknown[][] = [];
	const attempts: unknown[][] = [];
	const answers: unknown[][] = [];
	const cards: unknown[][] = [];
	const certificates: unknown[][] = [];
	const openAttempts: { attemptId: number; token: string }[] = [];
	let attemptId = Number((await client.execute('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM attempts')).rows[0].id);
	const analyticsQuizId = Number(quizzes[0].id);

	const addAttempt = (userId: number, quizId: number, number: number, status: 'open' | 'submitted', at: number) => {
		const pool = pools.get(quizId)!;
		let points = 0;
		for (const [position, q] of pool.entries()) {
			const fraction = status === 'submitted' ? (rand() < 0.75 ? 1 : 0) : null;
			points += fraction ?? 0;
			answers.push([attemptId, position, q.id, q.versionId, fraction, fraction]);
		}
		const percent = Math.round((points / pool.length) * 10000) / 100;
		attempts.push(
			status === 'submitted'
				? [attemptId, quizId, userId, number, status, `seed${attemptId}`, at - 600_000, at, points, pool.length, percent, percent >= 70 ? 1 : 0]
				: [attemptId, quizId, userId, number, status, `seed${attemptId}`, at, null, null, null, null, null]
		);
		return attemptId++;
	};

	const flush = async () => {
		await insertMany(client, 'enrollments', ['user_id', 'course_id', 'enrolled_at', 'completed_at'], enrollments.splice(0));
		await insertMany(
			client,
			'lesson_progress',
			['user_id', 'lesson_id', 'started_at', 'reached_end_at', 'completed_at', 'active_seconds', 'last_section', 'last_seen_at'],
			progress.splice(0)
		);
		await insertMany(
			client,
			'attempts',
			['id', 'quiz_id', 'user_id', 'number', 'status', 'seed', 'started_at', 'submitted_at', 'points', 'max_points', 'percent', 'passed'],
			attempts.splice(0)
		);
		await insertMany(client, 'attempt_questions', ['attempt_id', 'position', 'question_id', 'version_id', 'fraction', 'points'], answers.splice(0));
		await insertMany(
			client,
			'review_cards',
			['user_id', 'course_id', 'question_id', 'quiz_id', 'version_id', 'due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'],
			cards.splice(0),
			200
		);
		await insertMany(
			client,
			'certificates',
			['code', 'user_id', 'track_slug', 'track_title', 'holder_name', 'holder_email', 'courses', 'ce_quarter_hours', 'completed_at', 'issued_at', 'expires_at', 'credential_salt'],
			certificates.splice(0)
		);
	};

	const certificateCodes: string[] = [];
	for (let i = 0; i < students; i++) {
		const userId = firstUser + i;
		const started = now - Math.floor(rand() * 90) * DAY;
		for (const course of courses) {
			if (course.slug !== courses[0].slug && rand() > 0.6) continue;
			const courseLessons = lessons.filter((l) => l.course_id === course.id);
			const done = Math.floor(rand() * (courseLessons.length + 1));
			const finished = done === courseLessons.length && rand() < 0.7;
			enrollments.push([userId, course.id, started, finished ? now - DAY : null]);
			for (const [k, lesson] of courseLessons.entries()) {
				if (k > done) break;
				const complete = k < done;
				progress.push([userId, lesson.id, started + k * DAY, complete ? started + k * DAY : null, complete ? started + k * DAY : null, 300 + Math.floor(rand() * 900), null, started + k * DAY]);
				const quiz = quizzes.find((q) => q.lesson_id === lesson.id);
				if (quiz && (complete || Number(quiz.id) === analyticsQuizId)) addAttempt(userId, Number(quiz.id), 1, 'submitted', started + k * DAY);
			}
			const finalExam = quizzes.find((q) => q.course_id === course.id && q.kind === 'final');
			if (finalExam && finished) addAttempt(userId, Number(finalExam.id), 1, 'submitted', now - DAY);
		}
		// A few review cards per student from the first lesson check.
		for (const q of pools.get(analyticsQuizId)!.slice(0, 4)) {
			cards.push([userId, courses[0].id, q.id, analyticsQuizId, q.versionId, now + Math.floor((rand() - 0.3) * 10) * DAY, 3.2, 5.1, 2, 3, 0, 2, rand() < 0.2 ? 1 : 0, 'review', now - 2 * DAY]);
		}
		if (rand() < 0.1) {
			const code = generateVerificationCode();
			certificateCodes.push(code);
			certificates.push([code, userId, 'evidence-informed-massage-practitioner', 'Evidence-Informed Massage Practitioner', `Student ${i}`, `student${i}@bench.touchstone.test`, '[]', 5, now - DAY, now - DAY, now + 700 * DAY, 'salt']);
		}
		// Students with a session get an open attempt at the second lesson check, for the submission benchmark.
		if (i < sessionCount && quizzes[1]) openAttempts.push({ attemptId: addAttempt(userId, Number(quizzes[1].id), 2, 'open', now), token: sessions[i] });
		if (attempts.length > 4000) await flush();
	}
	await flush();
	await client.execute('ANALYZE');
	const [lesson] = (await client.execute(
		'SELECT c.slug AS course, l.slug AS lesson FROM lessons l JOIN courses c ON c.id = l.course_id ORDER BY c.position, l.position LIMIT 1'
	)).rows;
	return {
		students,
		sessions,
		instructorToken,
		openAttempts,
		certificateCodes,
		analyticsQuizId,
		lessonPath: `/courses/${lesson.course}/${lesson.lesson}`
	};
}
