// The assessment lint on an instructor-made quiz, shown in the studio as advice: unlike publish problems these
// never block publishing, because a practice quiz may fairly test recall and an instructor may disagree.
import { lintQuiz, summarizeReport, type QuizKind } from '$lib/assessment/lint';
import { labelQuestion, type PublishProblem } from '$lib/quiz/validate';
import { catalog } from '../content/catalog';
import type { Quiz } from '../db/schema';
import { bankQuestion } from './questions';
import { listQuizQuestions } from './quizzes';

const kinds: Record<Quiz['kind'], QuizKind> = { final: 'final', lesson: 'lesson-check', practice: 'practice' };

export interface AssessmentAdvice {
	/** Type mix, scenario share and option counts in one line. */
	summary: string;
	warnings: PublishProblem[];
}

/** Lints the quiz's own questions (bank draws vary per attempt, so they are not counted). */
export async function findAssessmentWarnings(quiz: Quiz, courseSlug: string): Promise<AssessmentAdvice> {
	const rows = await listQuizQuestions(quiz.id);
	const course = catalog.courses.find((c) => c.slug === courseSlug);
	const report = lintQuiz({
		name: quiz.title,
		kind: kinds[quiz.kind],
		items: rows.map((row, i) => ({ question: bankQuestion(row), where: labelQuestion(`Question ${i + 1}`, row.data) })),
		bibliography: new Set(catalog.bibliography.keys()),
		// A final may cite anything its course teaches; other quizzes are checked against the bibliography only.
		references: course && quiz.kind === 'final' ? new Set(course.lessons.flatMap((l) => l.references)) : undefined
	});
	const summary = summarizeReport(report);
	return { summary, warnings: report.violations.map((v) => ({ where: v.where, message: v.message })) };
}
