import { requireCourseInstructor } from '$lib/server/instructor/access';
import { listBank } from '$lib/server/instructor/questions';
import { download, exportJson, slugify } from '$lib/server/instructor/transfer';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	const tag = url.searchParams.get('tag')?.slice(0, 100) || null;
	const questions = (await listBank(course.id, tag, 100_000)).reverse().map((row) => row.question);
	return download(exportJson(questions), `${slugify(course.title)}-bank${tag ? `-${slugify(tag)}` : ''}.json`, 'application/json');
};
