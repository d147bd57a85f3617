import { and, eq } from 'drizzle-orm';
import type { Catalog } from '$lib/content/catalog';
import type { Question } from '$lib/quiz/types';
import { db, table, type Tx } from '../db';
import { catalog } from '../content/catalog';
import { finalExamSettings, lessonCheckSettings } from './defaults';


/**
 * Imports the quizzes shipped in lessons/ (each lesson's quiz.gift, each course's final.gift + final.json) the
 * first time a course syncs. A quiz already imported is left alone, so instructors' later edits in the studio are
 * never overwritten by a restart.
 */
export async function importCourseQuizzes(source: Catalog = catalog): Promise<number> {
	let imported = 0;
	await db.transaction(async (tx) => {
		for (const course of source.courses) {
			const [courseRow] = await tx.select({ id: table.courses.id }).from(table.courses).where(eq(table.courses.slug, course.slug));
			if (!courseRow) continue;
			for (const lesson of course.lessons) {
				const questions = lesson.questions.get('quiz');
				if (!questions?.length) continue;
				const [lessonRow] = await tx
					.select({ id: table.lessons.id })
					.from(table.lessons)
					.where(and(eq(table.lessons.courseId, courseRow.id), eq(table.lessons.slug, lesson.slug)));
				imported += await importQuiz(tx, {
					sourceKey: `${course.slug}/${lesson.slug}/quiz`,
					courseId: courseRow.id,
					lessonId: lessonRow.id,
					kind: 'lesson',
					title: `Lesson check: ${lesson.title}`,
					description: `Check your understanding of “${lesson.title}”. Pass it to complete the lesson.`,
					questions,
					tags: [lesson.slug]
				});
			}
			const finalExam = course.questions.get('final');
			if (finalExam?.length) {
				imported += await importQuiz(tx, {
					sourceKey: `${course.slug}/final`,
					courseId: courseRow.id,
					lessonId: null,
					kind: 'final',
					title: `Final exam: ${course.title}`,
					description: `The graded exam for “${course.title}”. Passing it completes the course, together with every lesson.`,
					questions: finalExam,
					tags: ['final']
				});
			}
		}
	});
	return imported;
}

async function importQuiz(
	tx: Tx,
	quiz: {
		sourceKey: string;
		courseId: number;
		lessonId: number | null;
		kind: 'lesson' | 'final';
		title: string;
		description: string;
		questions: Question[];
		tags: string[];
	}
): Promise<number> {
	const [existing] = await tx.select({ id: table.quizzes.id }).from(table.quizzes).where(eq(table.quizzes.sourceKey, quiz.sourceKey));
	if (existing) return 0;
	const [row] = await tx
		.insert(table.quizzes)
		.values({
			courseId: quiz.courseId,
			lessonId: quiz.lessonId,
			kind: quiz.kind,
			title: quiz.title,
			description: quiz.description,
			status: 'published',
			sourceKey: quiz.sourceKey,
			...(quiz.kind === 'final' ? finalExamSettings : lessonCheckSettings)
		})
		.returning({ id: table.quizzes.id });
	for (const [position, question] of quiz.questions.entries()) {
		const tags = [...new Set([...quiz.tags, ...question.tags, ...(question.cite ? [`cite:${question.cite}`] : [])])];
		const [q] = await tx
			.insert(table.questions)
			.values({ courseId: quiz.courseId, type: question.type, data: question, tags })
			.returning({ id: table.questions.id });
		await tx.insert(table.quizQuestions).values({ quizId: row.id, questionId: q.id, position });
	}
	return 1;
}
