// What a student may see of a question before review. Built field by field (never by spreading the question)
// so a field added to Question later cannot leak weights, feedback or answers by accident.
import type { OrderItem, Question } from './types';
import { shuffleWithSeed } from './shuffle';

export interface PublicOption {
	id: string;
	text: string;
}

export interface PublicPrompt {
	id: string;
	prompt: string;
}

interface PublicCommon {
	title?: string;
	text: string;
	points: number;
}

export type PublicQuestion = PublicCommon &
	(
		| { type: 'single'; options: PublicOption[] }
		| { type: 'multiple'; options: PublicOption[] }
		| { type: 'truefalse' }
		| { type: 'short' }
		| { type: 'numeric' }
		| { type: 'matching'; prompts: PublicPrompt[]; answers: string[] }
		| { type: 'ordering'; items: OrderItem[] }
	);

export interface StripOptions {
	/** Shuffle single/multiple options by seed (Moodle's "shuffle within questions"). Default false. */
	shuffleChoices?: boolean;
}

export function stripAnswers(question: Question, seed: string, options: StripOptions = {}): PublicQuestion {
	const common: PublicCommon = {
		...(question.title !== undefined && { title: question.title }),
		text: question.text,
		points: question.points
	};
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const list = question.choices.map((choice) => ({ id: choice.id, text: choice.text }));
			return { ...common, type: question.type, options: options.shuffleChoices ? shuffleWithSeed(list, seed) : list };
		}
		case 'truefalse':
		case 'short':
		case 'numeric':
			return { ...common, type: question.type };
		case 'matching': {
			const prompts = question.pairs
				.filter((pair) => pair.prompt.trim() !== '')
				.map((pair) => ({ id: pair.id, prompt: pair.prompt }));
			// Answers listed in pair order would line up with the prompts, so they are always shuffled.
			const answers = [...new Set(question.pairs.map((pair) => pair.answer))];
			return { ...common, type: 'matching', prompts, answers: shuffleAwayFromOrder(answers, seed) };
		}
		case 'ordering': {
			const items = question.items.map((item) => ({ id: item.id, text: item.text }));
			return { ...common, type: 'ordering', items: shuffleAwayFromOrder(items, seed) };
		}
	}
}

/**
 * Shuffles, but never returns the original (correct) order for 3+ items: shown in order, the answer would be
 * given away. With 2 items any rule leaks something, so a plain shuffle is kept there.
 */
export function shuffleAwayFromOrder<T>(items: readonly T[], seed: string): T[] {
	if (items.length < 3) return shuffleWithSeed(items, seed);
	for (let attempt = 0; attempt < 8; attempt++) {
		const shuffled = shuffleWithSeed(items, attempt === 0 ? seed : `${seed}#${attempt}`);
		if (shuffled.some((item, i) => item !== items[i])) return shuffled;
	}
	return [...items.slice(1), items[0]];
}
