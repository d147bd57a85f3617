import { requireQuizInstructor } from '$lib/server/instructor/access';
import { bankQuestion } from '$lib/server/instructor/questions';
import { listQuizQuestions } from '$lib/server/instructor/quizzes';
import { download, exportGift, slugify } from '$lib/server/instructor/transfer';
import type { RequestHandler } from './$types';

/** The quiz's own questions in order (draw rules pick from the bank: export the bank for those). */
export const GET: RequestHandler = async ({ params }) => {
	const { quiz } = await requireQuizInstructor(Number(params.quizId));
	const questions = (await listQuizQuestions(quiz.id)).map(bankQuestion);
	return download(exportGift(questions, `the quiz “${quiz.title}”`), `${slugify(quiz.title) || `quiz-${quiz.id}`}.gift`, 'text/plain');
};
