import type { GradeLevel } from '../components/lesson/grades';

// The course's one grading rule: a claim's grade follows from the direction of the evidence and its GRADE
// certainty. The registry check, the legend page and lesson 1's table all read it from here.

export const directions = ['for', 'against', 'conflicting'] as const;
export const certainties = ['high', 'moderate', 'low', 'very-low'] as const;

export type Direction = (typeof directions)[number];
export type Certainty = (typeof certainties)[number];

export const directionLabels: Record<Direction, string> = {
	for: 'The evidence favors the claim',
	against: 'The evidence runs against the claim',
	conflicting: 'Studies point different ways'
};

/** Column-width names of the directions, for the rule table. */
export const directionShortLabels: Record<Direction, string> = {
	for: 'For the claim',
	against: 'Against the claim',
	conflicting: 'Conflicting'
};

export const certaintyLabels: Record<Certainty, string> = {
	high: 'high',
	moderate: 'moderate',
	low: 'low',
	'very-low': 'very low'
};

export function gradeFor(direction: Direction, certainty: Certainty): GradeLevel {
	if (certainty === 'very-low') return 'unknown';
	if (direction === 'against') return 'contradicted';
	if (direction === 'for' && certainty !== 'low') return 'supported';
	return 'mixed';
}

/** Every direction and certainty with the grade the rule gives, in table order. */
export function gradeRuleRows(): { direction: Direction; certainty: Certainty; grade: GradeLevel }[] {
	return directions.flatMap((direction) =>
		certainties.map((certainty) => ({ direction, certainty, grade: gradeFor(direction, certainty) }))
	);
}

const directionPhrases: Record<Direction, string> = {
	for: 'evidence for the claim',
	against: 'evidence against the claim',
	conflicting: 'conflicting evidence'
};

function joinOr(words: string[]): string {
	return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The rule's conditions for one grade in words, e.g. "evidence for the claim at high or moderate certainty". */
export function describeGrade(grade: GradeLevel): string {
	const rows = gradeRuleRows().filter((r) => r.grade === grade);
	const byDirection = directions
		.map((d) => ({ d, levels: rows.filter((r) => r.direction === d).map((r) => certaintyLabels[r.certainty]) }))
		.filter((x) => x.levels.length > 0);
	const same = byDirection.length === directions.length && new Set(byDirection.map((x) => x.levels.join())).size === 1;
	if (same) return `${joinOr(byDirection[0].levels)} certainty, whatever the direction of the evidence`;
	return joinOr(byDirection.map((x) => `${directionPhrases[x.d]} at ${joinOr(x.levels)} certainty`));
}
