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
