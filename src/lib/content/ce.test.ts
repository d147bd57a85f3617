import { describe, expect, it } from 'vitest';
import { computeCeQuarterHours, formatCe } from './ce';

describe('NCBTMB home-study CE rule', () => {
	it('gives 1 CE for 12,000 words and rounds down to the quarter hour', () => {
		expect(computeCeQuarterHours(12_000)).toBe(4);
		expect(computeCeQuarterHours(11_999)).toBe(3);
		expect(computeCeQuarterHours(2_999)).toBe(0);
		expect(computeCeQuarterHours(3_000)).toBe(1);
		expect(computeCeQuarterHours(20_000)).toBe(6); // 1.67 h → 1.5
	});

	it('counts media minutes at one CE per hour, added to reading', () => {
		expect(computeCeQuarterHours(0, 60)).toBe(4);
		expect(computeCeQuarterHours(6_000, 30)).toBe(4);
		expect(computeCeQuarterHours(0, 14)).toBe(0);
		expect(computeCeQuarterHours(0, 15)).toBe(1);
	});

	it('refuses negative input', () => {
		expect(() => computeCeQuarterHours(-1)).toThrow(RangeError);
	});

	it('writes hours as CE hours', () => {
		expect(formatCe(4)).toBe('1 CE hour');
		expect(formatCe(5)).toBe('1.25 CE hours');
		expect(formatCe(6)).toBe('1.5 CE hours');
		expect(formatCe(0)).toBe('0 CE hours');
	});
});
