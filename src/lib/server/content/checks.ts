import type { LessonEntry } from '$lib/content/catalog';
import type { Question } from '$lib/quiz/types';

/** The inline knowledge checks of a lesson by id (their ::title:: in checks.gift), parsed once by the catalog. */
export function knowledgeChecksOf(lesson: LessonEntry): Map<string, Question> {
	return new Map((lesson.questions.get('checks') ?? []).map((q) => [q.title ?? '', q]));
}
