/**
 * Pure spaced-repetition scheduling for quiz questions a student has answered.
 *
 * A thin adapter over ts-fsrs (v5): it owns no storage and no framework code. Card state is a
 * plain, JSON-friendly object with camelCase fields mirroring ts-fsrs's `Card` one-to-one, so a
 * DB layer can store each field as a column and hand it back unchanged.
 */
import {
	createEmptyCard,
	default_maximum_interval,
	fsrs,
	generatorParameters,
	Rating as FsrsRating,
	State as FsrsState,
	type Card,
	type FSRS,
	type Grade
} from 'ts-fsrs';

import type { Rating } from './ratings';
export { ratings, type Rating } from './ratings';
export type CardStateName = 'new' | 'learning' | 'review' | 'relearning';

/** Mirrors ts-fsrs v5 `Card` (snake_case → camelCase; `last_review?: Date` → `lastReview: Date | null`). */
export type CardState = {
	due: Date;
	stability: number;
	difficulty: number;
	/** Days between the last two reviews. Deprecated in ts-fsrs v5 (to be removed in v6) but kept so cards round-trip. */
	elapsedDays: number;
	scheduledDays: number;
	/** Index of the current (re)learning step. */
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardStateName;
	lastReview: Date | null;
};

/**
 * One review, mirroring ts-fsrs's `ReviewLog` fields. As in ts-fsrs, `state` is the card's state
 * *before* this review, `due` is the card's previous last-review (or due) date, `scheduledDays` is
 * the interval that was in force before this review and `review` is when it happened.
 */
export type ReviewLog = {
	rating: Rating;
	state: CardStateName;
	due: Date;
	elapsedDays: number;
	scheduledDays: number;
	review: Date;
};

export type ScheduleOptions = {
	/** Target probability of recall at the due date; clamped to [MIN_RETENTION, MAX_RETENTION]. */
	requestRetention?: number;
	/**
	 * Longest interval in days (integer ≥ 1). Defaults to ts-fsrs's 36500. As in ts-fsrs v5 this is a
	 * soft cap: after capping, ts-fsrs keeps hard < good < easy, so at the cap 'good' and 'easy' can
	 * land a day or two past it.
	 */
	maximumInterval?: number;
};

export type ScheduleResult = { next: CardState; log: ReviewLog };

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const DEFAULT_MAXIMUM_INTERVAL: number = default_maximum_interval;

/**
 * Short-term learning steps for new cards. ts-fsrs's default is ['1m', '10m'], under which a
 * correct ('good') first answer stays in learning and is due again in 10 minutes. With one step a
 * missed question ('again'/'hard') is still due within minutes, while a correctly answered one
 * graduates straight to review and is due days later. Relearning steps stay at ts-fsrs's default.
 */
export const LEARNING_STEPS = ['1m'] as const;

const STATE_TO_FSRS: Record<CardStateName, FsrsState> = {
	new: FsrsState.New,
	learning: FsrsState.Learning,
	review: FsrsState.Review,
	relearning: FsrsState.Relearning
};
const STATE_FROM_FSRS: Record<FsrsState, CardStateName> = {
	[FsrsState.New]: 'new',
	[FsrsState.Learning]: 'learning',
	[FsrsState.Review]: 'review',
	[FsrsState.Relearning]: 'relearning'
};
const RATING_TO_FSRS: Record<Rating, Grade> = {
	again: FsrsRating.Again,
	hard: FsrsRating.Hard,
	good: FsrsRating.Good,
	easy: FsrsRating.Easy
};

const copyDate = (d: Date): Date => new Date(d.getTime());

function toFsrsCard(s: CardState): Card {
	return {
		due: copyDate(s.due),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: s.elapsedDays,
		scheduled_days: s.scheduledDays,
		learning_steps: s.learningSteps,
		reps: s.reps,
		lapses: s.lapses,
		state: STATE_TO_FSRS[s.state],
		last_review: s.lastReview ? copyDate(s.lastReview) : undefined
	};
}

function fromFsrsCard(c: Card): CardState {
	return {
		due: copyDate(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsedDays: c.elapsed_days,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: STATE_FROM_FSRS[c.state],
		lastReview: c.last_review ? copyDate(c.last_review) : null
	};
}

/** Clamp a requested retention into [MIN_RETENTION, MAX_RETENTION]; undefined → DEFAULT_RETENTION. */
export function clampRetention(requestRetention: number | undefined): number {
	if (requestRetention === undefined) return DEFAULT_RETENTION;
	if (Number.isNaN(requestRetention)) throw new RangeError('requestRetention must be a number');
	return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, requestRetention));
}

function maximumIntervalOf(maximumInterval: number | undefined): number {
	if (maximumInterval === undefined) return DEFAULT_MAXIMUM_INTERVAL;
	if (!Number.isFinite(maximumInterval) || maximumInterval < 1) {
		throw new RangeError(`maximumInterval must be a finite number of days ≥ 1, got ${maximumInterval}`);
	}
	return Math.floor(maximumInterval);
}

function scheduler(options: ScheduleOptions | undefined): FSRS {
	return fsrs(
		generatorParameters({
			request_retention: clampRetention(options?.requestRetention),
			maximum_interval: maximumIntervalOf(options?.maximumInterval),
			enable_fuzz: false,
			learning_steps: [...LEARNING_STEPS]
		})
	);
}

export function newCardState(now: Date): CardState {
	return fromFsrsCard(createEmptyCard(copyDate(now)));
}

/**
 * The grade for an answer. Incorrect is always 'again' (no claiming 'easy' on a wrong answer);
 * partial is 'hard' unless the student says 'again'; correct is the student's own rating if given,
 * except that 'again' is raised to 'hard', and 'good' by default.
 */
export function ratingFromOutcome(correct: boolean | 'partial', selfRating?: Rating): Rating {
	if (correct === 'partial') return selfRating === 'again' ? 'again' : 'hard';
	if (!correct) return 'again';
	if (selfRating === undefined) return 'good';
	return selfRating === 'again' ? 'hard' : selfRating;
}

export function scheduleReview(state: CardState, rating: Rating, now: Date, options?: ScheduleOptions): ScheduleResult {
	const grade = RATING_TO_FSRS[rating];
	if (grade === undefined) throw new RangeError(`Unknown rating: ${String(rating)}`);
	const { card, log } = scheduler(options).next(toFsrsCard(state), copyDate(now), grade);
	return {
		next: fromFsrsCard(card),
		log: {
			rating,
			state: STATE_FROM_FSRS[log.state],
			due: copyDate(log.due),
			elapsedDays: log.elapsed_days,
			scheduledDays: log.scheduled_days,
			review: copyDate(log.review)
		}
	};
}

/** The card created when a question is first answered in a quiz: misses come back in minutes, known ones in days. */
export function initialCardFromAnswer(correct: boolean | 'partial', now: Date, options?: ScheduleOptions): ScheduleResult {
	return scheduleReview(newCardState(now), ratingFromOutcome(correct), now, options);
}

export function isDue(state: CardState, now: Date): boolean {
	return state.due.getTime() <= now.getTime();
}

const DAY_MS = 86_400_000;

/**
 * How many cards fall due on each of the next `days` UTC calendar days. Day 0 is today's UTC date
 * and also holds everything already overdue; cards due after the window are not counted, nor are
 * invalid dates.
 */
export function forecast(dues: Date[], now: Date, days = 14): { date: string; count: number }[] {
	if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	const buckets = Array.from({ length: days }, (_, i) => ({
		date: new Date(today + i * DAY_MS).toISOString().slice(0, 10),
		count: 0
	}));
	for (const due of dues) {
		const t = due.getTime();
		if (Number.isNaN(t)) continue;
		const day = Math.max(0, Math.floor((t - today) / DAY_MS));
		if (day < days) buckets[day].count++;
	}
	return buckets;
}

/** Share of reviews not rated 'again', or null when there are none. */
export function retention(logs: { rating: Rating }[]): number | null {
	if (logs.length === 0) return null;
	return logs.filter((l) => l.rating !== 'again').length / logs.length;
}

const STATE_NAMES = Object.keys(STATE_TO_FSRS) as CardStateName[];

function reviveDate(value: unknown, field: string): Date {
	const d = value instanceof Date ? copyDate(value) : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
	if (!d || Number.isNaN(d.getTime())) throw new TypeError(`CardState.${field} is not a valid date`);
	return d;
}

/**
 * Rebuild a CardState from its JSON form (dates as ISO strings), e.g. `reviveCardState(JSON.parse(s))`.
 * Throws TypeError on a malformed value.
 */
export function reviveCardState(raw: unknown): CardState {
	if (typeof raw !== 'object' || raw === null) throw new TypeError('CardState must be an object');
	const r = raw as Record<string, unknown>;
	const num = (field: string): number => {
		const v = r[field];
		if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`CardState.${field} must be a finite number`);
		return v;
	};
	if (!STATE_NAMES.includes(r.state as CardStateName)) throw new TypeError(`CardState.state is invalid: ${String(r.state)}`);
	return {
		due: reviveDate(r.due, 'due'),
		stability: num('stability'),
		difficulty: num('difficulty'),
		elapsedDays: num('elapsedDays'),
		scheduledDays: num('scheduledDays'),
		learningSteps: num('learningSteps'),
		reps: num('reps'),
		lapses: num('lapses'),
		state: r.state as CardStateName,
		lastReview: r.lastReview === null || r.lastReview === undefined ? null : reviveDate(r.lastReview, 'lastReview')
	};
}
