import { expect } from 'vitest';
import { attemptAnswers, sqlOn } from './answers';
import type { Client } from './client';
import type { TestServer } from './server';

export async function quizIdOf(server: TestServer, sourceKey: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM quizzes WHERE source_key = ?', [sourceKey]);
	return Number(row.id);
}

/** Starts (or resumes) an attempt and submits it answered fully correctly, or wrongly with wrong=true. */
export async function takeQuiz(client: Client, server: TestServer, quizId: number, options: { wrong?: boolean } = {}) {
	const start = await client.post(`/quizzes/${quizId}?/start`, {});
	expect(start.status, `start quiz ${quizId}`).toBe(303);
	const attemptId = Number(/\/attempts\/(\d+)/.exec(start.headers.get('location')!)![1]);
	const { fields } = await attemptAnswers(server.databaseUrl, attemptId, options);
	const submit = await client.post(`/attempts/${attemptId}?/submit`, fields);
	expect(submit.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
	return attemptId;
}

/** Reads every lesson of a course to the end and passes each lesson check, as a student would. */
export async function completeLessons(client: Client, server: TestServer, courseSlug: string) {
	const lessons = await sqlOn(
		server.databaseUrl,
		'SELECT l.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = ? AND l.active = 1 ORDER BY l.position',
		[courseSlug]
	);
	for (const { slug } of lessons) {
		await client.get(`/courses/${courseSlug}/${slug}`);
		await takeQuiz(client, server, await quizIdOf(server, `${courseSlug}/${slug}/quiz`));
		const finish = await client.post(`/courses/${courseSlug}/${slug}?/finish`, {});
		expect(finish.status).toBe(303);
	}
}

/** Completes a whole course: every lesson, then the final exam passed with full marks. */
export async function completeCourse(client: Client, server: TestServer, courseSlug: string) {
	await completeLessons(client, server, courseSlug);
	return takeQuiz(client, server, await quizIdOf(server, `${courseSlug}/final`));
}
