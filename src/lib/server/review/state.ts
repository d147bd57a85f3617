import type { CardState } from '$lib/review/schedule';
import type { ReviewCard } from '../db/schema';

/** FSRS state from a card row. */
export function cardStateOf(row: ReviewCard): CardState {
	return {
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		elapsedDays: row.elapsedDays,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state,
		lastReview: row.lastReview
	};
}

/** Card columns from FSRS state. */
export function cardColumns(state: CardState) {
	return {
		due: state.due,
		stability: state.stability,
		difficulty: state.difficulty,
		elapsedDays: state.elapsedDays,
		scheduledDays: state.scheduledDays,
		learningSteps: state.learningSteps,
		reps: state.reps,
		lapses: state.lapses,
		state: state.state,
		lastReview: state.lastReview
	};
}
