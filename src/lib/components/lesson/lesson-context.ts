import { getContext, setContext } from 'svelte';
import type { Certainty } from '$lib/content/grading';
import type { PublicQuestion } from '$lib/quiz/answer-key';
import type { PublicTrial } from '$lib/appraisal/trials';
import type { GradeLevel } from './grades';

// What a lesson body's components read, given to them instead of SvelteKit's page state, so the body can be
// rendered once per lesson outside a request (svelte/server) and sent as HTML. Request-independent only: a
// student's answers and submissions reach the interactive parts (the islands) as page data.

export type Citation = { n: number; label: string };
export type ClaimData = { grade: GradeLevel; certainty: Certainty; statement: string; sources: string[] };

export interface LessonContext {
	citations: Record<string, Citation>;
	claims: Record<string, ClaimData>;
	checks: Record<string, PublicQuestion>;
	appraisals: Record<string, PublicTrial>;
	/** Where an interactive component goes: its name and props are recorded and its place kept in the HTML. */
	island(island: LessonIsland): string;
}

/** An interactive part of a lesson body, rendered by the page around the cached HTML: its component and props. */
export type LessonIsland =
	| { name: 'check'; props: { id: string; question: PublicQuestion } }
	| { name: 'explorer'; props: Record<string, never> }
	| { name: 'trial'; props: { trial: string; data: PublicTrial; citation: Citation; occurrence: number } };

const contextKey = Symbol('lesson');

export function provideLesson(lesson: LessonContext): void {
	setContext(contextKey, lesson);
}

export function useLesson(): LessonContext | undefined {
	return getContext<LessonContext | undefined>(contextKey);
}
