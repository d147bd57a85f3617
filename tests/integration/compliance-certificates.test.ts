import { importJWK, jwtVerify, decodeProtectedHeader, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { APPROVALS_ENV, GOOD_EVALUATION, learnerWithLicences } from '../helpers/compliance';
import { completeCourse, quizIdOf, takeQuiz } from '../helpers/journeys';
import { pdfText } from '../helpers/pdf-text';
import { removeServerFiles, startServer, type TestServer } from '../helpers/server';

const SCIENCE = 'science-of-massage';
let server: TestServer;

beforeAll(async () => {
	server = await startServer({ env: APPROVALS_ENV });
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (server) removeServerFiles(server);
});

const courseCertificates = (userId: number) => sqlOn(server.databaseUrl, 'SELECT * FROM course_certificates WHERE user_id = ?', [userId]);

describe('the per-course Certificate of Achievement', () => {
	it('is issued only after the evaluation, exactly once under concurrency, with what boards require', { timeout: 120_000 }, async () => {
		const learner = await learnerWithLicences(server, 'Flora Licensed', [{ jurisdiction: 'FL', number: 'ma 12345' }]);
		await completeCourse(learner.client, server, SCIENCE);
		expect(await courseCertificates(learner.userId), 'no certificate before the evaluation').toHaveLength(0);
		expect(await learner.client.text(`/courses/${SCIENCE}`)).toContain(`href="/evaluations/${SCIENCE}"`);

		const responses = await Promise.all(Array.from({ length: 5 }, () => learner.client.post(`/evaluations/${SCIENCE}`, GOOD_EVALUATION)));
		const statuses = responses.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 200)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(4);
		const certificates = await courseCertificates(learner.userId);
		expect(certificates).toHaveLength(1);
		const certificate = certificates[0];
		expect(certificate.approved_title).toBe('The Science of Massage (Approved Test Title)');
		expect(Number(certificate.ce_quarter_hours)).toBe(3);

		const pdf = await learner.client.get(`/certificates/course/${certificate.id}/certificate.pdf`);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
		expect(text).toContain('Florida licence MA12345');
		expect(text).toContain('The Science of Massage (Approved Test Title)');
		expect(text).toContain('Home Study');
		expect(text).toContain('0.75 CEs');
		expect(text).toContain(String(certificate.code));

		const verify = await learner.client.get(`/verify/${certificate.code}`);
		expect(verify.status).toBe(307);
		expect(await learner.client.text(`/verify/course/${certificate.code}`)).toContain('The Science of Massage (Approved Test Title)');
	});

	it('is issued when the last lesson is finished after the final was passed and the course evaluated', { timeout: 120_000 }, async () => {
		const learner = await learnerWithLicences(server, 'Late Finisher', [{ jurisdiction: 'FL', number: 'MA54321' }]);
		const lessons = await sqlOn(
			server.databaseUrl,
			'SELECT l.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = ? AND l.active = 1 ORDER BY l.position',
			[SCIENCE]
		);
		const finish = async (slug: string) => {
			await takeQuiz(learner.client, server, await quizIdOf(server, `${SCIENCE}/${slug}/quiz`));
			expect((await learner.client.post(`/courses/${SCIENCE}/${slug}?/finish`, {})).status).toBe(303);
		};
		for (const { slug } of lessons.slice(0, -1)) await finish(String(slug));
		await takeQuiz(learner.client, server, await quizIdOf(server, `${SCIENCE}/final`));
		expect((await learner.client.post(`/evaluations/${SCIENCE}`, GOOD_EVALUATION)).status).toBe(200);
		expect(await courseCertificates(learner.userId), 'the course is not complete yet').toHaveLength(0);
		await finish(String(lessons.at(-1)!.slug));
		expect(await courseCertificates(learner.userId)).toHaveLength(1);
	});

	it('is not issued for a course without a valid approval, though the completion is recorded', { timeout: 120_000 }, async () => {
		const plain = await startServer();
		try {
			const learner = await learnerWithLicences(plain, 'Una Approved', []);
			await completeCourse(learner.client, plain, SCIENCE);
			const page = await learner.client.text(`/courses/${SCIENCE}`);
			expect(page).toContain('This course has no valid CE approval');
			expect((await learner.client.post(`/evaluations/${SCIENCE}`, GOOD_EVALUATION)).status).toBe(200);
			expect(await sqlOn(plain.databaseUrl, 'SELECT id FROM course_certificates')).toHaveLength(0);
			const [enrollment] = await sqlOn(plain.databaseUrl, 'SELECT completed_at FROM enrollments WHERE completed_at IS NOT NULL');
			expect(enrollment).toBeTruthy();
		} catch (e) {
			throw new Error(`${(e as Error).message}\n${plain.output().slice(-3000)}`);
		} finally {
			await plain.stop();
			removeServerFiles(plain);
		}
	});

	it('lists the certificate in a transcript PDF and a credential signed with the published key', { timeout: 120_000 }, async () => {
		const learner = await learnerWithLicences(server, 'Tara Transcript', [{ jurisdiction: 'SC', number: 'SC-4411' }]);
		await completeCourse(learner.client, server, SCIENCE);
		expect((await learner.client.post(`/evaluations/${SCIENCE}`, GOOD_EVALUATION)).status).toBe(200);
		const pdf = await pdfText(new Uint8Array(await (await learner.client.get('/transcript/transcript.pdf')).arrayBuffer()));
		expect(pdf.join('\n')).toMatch(/The Science of Massage \(Approved Test Title\) \(Home Study\), 0.75 CE hours, science/);
		expect(pdf.join('\n')).toContain('South Carolina SC-4411');

		const jwt = await learner.client.text('/transcript/transcript.jwt');
		const { keys } = (await (await learner.client.get('/issuer/keys')).json()) as { keys: JWK[] };
		// The key set lists the key under the very kid the header names (<origin>/issuer/keys#<thumbprint>).
		const kid = decodeProtectedHeader(jwt).kid!;
		expect(new URL(kid).pathname).toBe('/issuer/keys');
		const key = keys.find((k) => k.kid === kid)!;
		const { payload } = await jwtVerify(jwt, await importJWK(key, 'EdDSA'));
		const subject = payload.credentialSubject as { achievement: { name: string; creditsAvailable: number }[] };
		expect(payload.type).toEqual(['VerifiableCredential', 'ClrCredential']);
		expect(subject.achievement).toEqual([expect.objectContaining({ name: 'The Science of Massage (Approved Test Title)', creditsAvailable: 0.75 })]);
	});
});
