import { hashSeed } from './shuffle';
import type { Question } from './types';

// Choice and item ids come from source order ("a", "b" ... or "o1" ... in the correct order), so sending them to
// the browser would hint at the answer. Each attempt sees ids derived from its own seed instead; grading and review
// use the same masked question, so nothing needs translating back.

function maskId(seed: string, id: string): string {
	return 'x' + hashSeed(`${seed}:${id}`).toString(36).padStart(7, '0');
}

export function maskQuestionIds(question: Question, seed: string): Question {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return { ...question, choices: question.choices.map((c) => ({ ...c, id: maskId(seed, c.id) })) };
		case 'ordering':
			return { ...question, items: question.items.map((i) => ({ ...i, id: maskId(seed, i.id) })) };
		case 'matching':
			return { ...question, pairs: question.pairs.map((p) => ({ ...p, id: maskId(seed, p.id) })) };
		default:
			return question;
	}
}
