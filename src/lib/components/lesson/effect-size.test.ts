import { describe, expect, it } from 'vitest';
import { describeEffect, normalCdf, overlap, probabilityOfSuperiority } from './effect-size';

describe('effect size math', () => {
	it('matches textbook values of the normal CDF', () => {
		expect(normalCdf(0)).toBeCloseTo(0.5, 6);
		expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
		expect(normalCdf(-1)).toBeCloseTo(0.1587, 3);
	});

	it('gives the probability of superiority for common d values', () => {
		expect(probabilityOfSuperiority(0)).toBeCloseTo(0.5, 6);
		expect(probabilityOfSuperiority(0.5)).toBeCloseTo(0.638, 3);
		expect(probabilityOfSuperiority(0.8)).toBeCloseTo(0.714, 3);
	});

	it('computes overlap that shrinks as d grows', () => {
		expect(overlap(0)).toBeCloseTo(1, 6);
		expect(overlap(0.5)).toBeCloseTo(0.803, 3);
		expect(overlap(2)).toBeLessThan(overlap(1));
	});

	it("labels effects by Cohen's conventions", () => {
		expect(describeEffect(0.1)).toBe('negligible');
		expect(describeEffect(0.3)).toBe('small');
		expect(describeEffect(-0.6)).toBe('medium');
		expect(describeEffect(1.2)).toBe('large');
	});
});
