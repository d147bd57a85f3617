import { requireQuizInstructor } from '$lib/server/instructor/access';
import { bankQuestion } from '$lib/server/instructor/questions';
import { listQuizQuestions } from '$lib/server/instructor/quizzes';
import { download, exportJson, slugify } from '$lib/server/instructor/transfer';
import type { RequestHandler } from './$types';

/** Every question type survives JSON, ordering included: export then import gives the same questions. */
export const GET: RequestHandler = async ({ params }) => {
	const { quiz } = await requireQuizInstructor(Number(params.quizId));
	const questions = (await listQuizQuestions(quiz.id)).map(bankQuestion);
	return download(exportJson(questions), `${slugify(quiz.title) || `quiz-${quiz.id}`}.json`, 'application/json');
};
