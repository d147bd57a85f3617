import { requireCourseInstructor } from '$lib/server/instructor/access';
import { listBank } from '$lib/server/instructor/questions';
import { download, exportGift, slugify } from '$lib/server/instructor/transfer';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	const tag = url.searchParams.get('tag')?.slice(0, 100) || null;
	// Oldest first, so an export imports back in the order the bank was built.
	const questions = (await listBank(course.id, tag, 100_000)).reverse().map((row) => row.question);
	const heading = `the question bank of “${course.title}”${tag ? `, tag “${tag}”` : ''}`;
	return download(exportGift(questions, heading), `${slugify(course.title)}-bank${tag ? `-${slugify(tag)}` : ''}.gift`, 'text/plain');
};
