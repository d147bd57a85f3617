import { describe, expect, it } from 'vitest';
import { certainties, describeGrade, directions, gradeFor, gradeRuleRows } from './grading';

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

describe('describeGrade: the rule in words for the legend', () => {
	it('states each grade from the rule', () => {
		expect(describeGrade('supported')).toBe('evidence for the claim at high or moderate certainty');
		expect(describeGrade('mixed')).toBe(
			'evidence for the claim at low certainty or conflicting evidence at high, moderate or low certainty'
		);
		expect(describeGrade('contradicted')).toBe('evidence against the claim at high, moderate or low certainty');
		expect(describeGrade('unknown')).toBe('very low certainty, whatever the direction of the evidence');
	});
});
