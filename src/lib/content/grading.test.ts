import { describe, expect, it } from 'vitest';
import { certainties, directions, gradeFor, gradeRuleRows } from './grading';

describe('gradeFor: the one grading rule', () => {
	it.each([
		['for', 'high', 'supported'],
		['for', 'moderate', 'supported'],
		['for', 'low', 'mixed'],
		['for', 'very-low', 'unknown'],
		['against', 'high', 'contradicted'],
		['against', 'moderate', 'contradicted'],
		['against', 'low', 'contradicted'],
		['against', 'very-low', 'unknown'],
		['conflicting', 'high', 'mixed'],
		['conflicting', 'moderate', 'mixed'],
		['conflicting', 'low', 'mixed'],
		['conflicting', 'very-low', 'unknown']
	] as const)('%s with %s certainty is %s', (direction, certainty, grade) => {
		expect(gradeFor(direction, certainty)).toBe(grade);
	});

	it('lists every direction and certainty once in the rule table', () => {
		const rows = gradeRuleRows();
		expect(rows).toHaveLength(directions.length * certainties.length);
		expect(new Set(rows.map((r) => `${r.direction}/${r.certainty}`)).size).toBe(rows.length);
		expect(rows.find((r) => r.direction === 'for' && r.certainty === 'low')?.grade).toBe('mixed');
	});
});
