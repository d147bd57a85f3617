import { getQuizAnalytics } from '$lib/server/analytics/quiz-analytics';
import { requireQuizInstructor } from '$lib/server/instructor/access';
import { mostForgotten } from '$lib/server/review/stats';
import { markdownToPlainText } from '$lib/markdown/render';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { course, quiz } = await requireQuizInstructor(/^\d{1,15}$/.test(params.quizId) ? Number(params.quizId) : NaN);
	return {
		course: { id: course.id, title: course.title },
		quiz: { id: quiz.id, title: quiz.title, kind: quiz.kind, status: quiz.status, passingPercent: quiz.passingPercent },
		analytics: await getQuizAnalytics(quiz),
		// Spaced review shows which questions students forget after the quiz: lapses summed over lapsed cards.
		forgotten: (await mostForgotten(course.id)).map((row) => ({
			questionId: row.questionId,
			lapses: Number(row.lapses),
			students: Number(row.students),
			text: markdownToPlainText(row.text).slice(0, 160)
		}))
	};
};
