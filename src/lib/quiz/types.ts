// The question model shared by the GIFT parser and writer, the grader, the database (stored as JSON) and the UI.
// Pure data: no framework, no database.

export const questionTypes = [
	'single',
	'multiple',
	'truefalse',
	'short',
	'numeric',
	'matching',
	'ordering'
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** An answer option of a single-choice or multiple-response question. weight is a percentage, -100..100. */
export interface Choice {
	id: string;
	text: string;
	weight: number;
	feedback?: string;
}

export interface ShortAnswer {
	text: string;
	weight: number;
	feedback?: string;
}

export type NumericAnswer =
	| { kind: 'tolerance'; value: number; tolerance: number; weight: number; feedback?: string }
	| { kind: 'range'; min: number; max: number; weight: number; feedback?: string };

export interface MatchPair {
	id: string;
	/** Empty prompt = a distractor: its answer appears among the choices but matches nothing. */
	prompt: string;
	answer: string;
}

export interface OrderItem {
	id: string;
	text: string;
}

interface QuestionCommon {
	/** Optional short title (GIFT ::title::). */
	title?: string;
	/** Question text, Markdown. */
	text: string;
	points: number;
	/** General feedback shown at review: why the right answer is right. */
	explanation?: string;
	/** Bibliography key of the source that supports the question. */
	cite?: string;
	tags: string[];
}

export type Question = QuestionCommon &
	(
		| { type: 'single'; choices: Choice[] }
		| { type: 'multiple'; choices: Choice[] }
		| { type: 'truefalse'; answer: boolean; feedbackWrong?: string; feedbackRight?: string }
		| { type: 'short'; answers: ShortAnswer[] }
		| { type: 'numeric'; answers: NumericAnswer[] }
		| { type: 'matching'; pairs: MatchPair[] }
		| { type: 'ordering'; items: OrderItem[] }
	);

/** What a student submits for one question. Absent fields mean "not answered". */
export type Response =
	| { type: 'single'; choice?: string }
	| { type: 'multiple'; choices: string[] }
	| { type: 'truefalse'; value?: boolean }
	| { type: 'short'; text: string }
	| { type: 'numeric'; value?: number }
	| { type: 'matching'; matches: Record<string, string> }
	| { type: 'ordering'; order: string[] };

export interface GradeResult {
	/** Fraction of the question's points earned, 0..1 (never negative overall). */
	fraction: number;
	/** fraction * points. */
	points: number;
	status: 'correct' | 'partial' | 'incorrect' | 'unanswered';
	/** Per-option or per-answer feedback texts triggered by the response. */
	feedback: string[];
}
