import { requireQuizInstructor } from '$lib/server/instructor/access';
import { bankQuestion, listTaggedQuestions } from '$lib/server/instructor/questions';
import { listDrawRules, listQuizQuestions } from '$lib/server/instructor/quizzes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { quiz, course } = await requireQuizInstructor(Number(params.quizId));
	const questions = await listQuizQuestions(quiz.id);
	const own = new Set(questions.map((q) => q.id));
	const draws = await Promise.all(
		(await listDrawRules(quiz.id)).map(async (rule) => ({
			...rule,
			available: (await listTaggedQuestions(course.id, rule.tag)).filter((q) => !own.has(q.id)).length
		}))
	);
	return {
		course: { id: course.id, title: course.title },
		quiz: {
			id: quiz.id,
			title: quiz.title,
			description: quiz.description,
			status: quiz.status,
			shuffleQuestions: quiz.shuffleQuestions,
			shuffleOptions: quiz.shuffleOptions,
			drawCount: quiz.drawCount
		},
		// Full questions: this page is for the quiz's instructors only, and shows the key on request.
		questions: questions.map((q) => ({ id: q.id, question: bankQuestion(q) })),
		draws,
		showAnswers: url.searchParams.get('answers') === '1'
	};
};
