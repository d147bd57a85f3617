import { and, asc, count, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { questionsPerAttempt } from '$lib/quiz/question-count';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';

/** The quiz's own questions (not deleted), its draw rules with what each can draw, and the questions per attempt. */
export async function countQuizQuestions(quiz: Pick<Quiz, 'id' | 'courseId' | 'drawCount'>) {
	const ownRows = await db
		.select({ id: table.quizQuestions.questionId })
		.from(table.quizQuestions)
		.innerJoin(table.questions, eq(table.questions.id, table.quizQuestions.questionId))
		.where(and(eq(table.quizQuestions.quizId, quiz.id), isNull(table.questions.deletedAt)));
	const ownIds = ownRows.map((r) => r.id);
	const rules = await db
		.select({ tag: table.quizDraws.tag, count: table.quizDraws.count })
		.from(table.quizDraws)
		.where(eq(table.quizDraws.quizId, quiz.id))
		.orderBy(asc(table.quizDraws.tag));
	const draws = await Promise.all(
		rules.map(async (rule) => {
			const [row] = await db
				.select({ n: count() })
				.from(table.questions)
				.where(
					and(
						eq(table.questions.courseId, quiz.courseId),
						isNull(table.questions.deletedAt),
						ownIds.length ? notInArray(table.questions.id, ownIds) : undefined,
						sql`exists (select 1 from json_each(${table.questions.tags}) where json_each.value = ${rule.tag})`
					)
				);
			return { ...rule, available: row.n };
		})
	);
	return { own: ownIds.length, draws, perAttempt: questionsPerAttempt(ownIds.length, draws, quiz.drawCount) };
}
