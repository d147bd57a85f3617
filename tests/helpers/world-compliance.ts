import { generateVerificationCode } from '../../src/lib/certification/code';
import { sqlOn } from './answers';
import type { TestServer } from './server';

/** A course certificate (with the evaluation it rests on) for the world's student, written straight to the database. */
export async function addCourseCertificate(server: TestServer, userId: number, courseId: number) {
	const db = server.databaseUrl;
	await sqlOn(db, `INSERT INTO course_evaluations (user_id, course_id, objectives, accuracy, relevance, materials, time_fit, comments) VALUES (?, ?, 5, 4, 5, 4, 3, '')`, [userId, courseId]);
	const [{ id: evaluationId }] = await sqlOn(db, 'SELECT id FROM course_evaluations WHERE user_id = ? AND course_id = ?', [userId, courseId]);
	const code = generateVerificationCode();
	const now = Date.now();
	await sqlOn(
		db,
		`INSERT INTO course_certificates (code, user_id, course_id, course_slug, approval_body, approval_number, approved_title, ce_quarter_hours, category, delivery_type, holder_name, holder_email, licences, final_percent, evaluation_id, completed_at, issued_at, credential_salt)
		 VALUES (?, ?, ?, 'science-of-massage', 'NCBTMB', 'TEST-0001', 'The Science of Massage', 4, 'science', 'home-study', 'Sam Student', 'sam@example.test', '[]', 100, ?, ?, ?, 'salt')`,
		[code, userId, courseId, Number(evaluationId), now, now]
	);
	const [{ id }] = await sqlOn(db, 'SELECT id FROM course_certificates WHERE code = ?', [code]);
	return { id: Number(id), code };
}
