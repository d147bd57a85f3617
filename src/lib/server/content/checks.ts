import { parseGift } from '$lib/gift/parse';
import type { LessonEntry } from '$lib/content/catalog';
import type { Question } from '$lib/quiz/types';

// The inline knowledge checks of each lesson, parsed from its checks.gift once and kept by lesson file.
const cache = new Map<string, Map<string, Question>>();

export function knowledgeChecksOf(lesson: LessonEntry): Map<string, Question> {
	let checks = cache.get(lesson.file);
	if (!checks) {
		checks = new Map();
		const source = lesson.quizFiles['checks.gift'];
		if (source) {
			for (const question of parseGift(source).questions) {
				if (question.title) checks.set(question.title, question);
			}
		}
		cache.set(lesson.file, checks);
	}
	return checks;
}
