import { markdownToPlainText } from '$lib/markdown/render';
import { requireCourseInstructor } from '$lib/server/instructor/access';
import { listBank, listBankTags } from '$lib/server/instructor/questions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { course } = await requireCourseInstructor(Number(params.courseId));
	const tag = url.searchParams.get('tag')?.slice(0, 100) || null;
	const [rows, tags] = await Promise.all([listBank(course.id, tag, 1000), listBankTags(course.id)]);
	return {
		course: { id: course.id, title: course.title },
		tag,
		tags,
		questions: rows.map((row) => {
			const text = markdownToPlainText(row.question.text).replace(/\s+/g, ' ');
			return {
				id: row.id,
				type: row.question.type,
				points: row.question.points,
				text: text.length > 160 ? `${text.slice(0, 159)}…` : text,
				tags: row.tags,
				usedIn: row.usedIn
			};
		}),
		saved: url.searchParams.has('saved'),
		imported: Number(url.searchParams.get('imported')) || 0,
		deleted: url.searchParams.has('deleted')
	};
};
