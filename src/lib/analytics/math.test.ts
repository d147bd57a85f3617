import { describe, it, expect } from 'vitest';
import { mean, pearson, sampleVariance } from './math';

describe('math helpers', () => {
	it('computes mean and sample variance', () => {
		// [2, 4, 6]: mean 4; SS 4 + 0 + 4 = 8; variance 8 / 2 = 4.
		expect(mean([2, 4, 6])).toBe(4);
		expect(sampleVariance([2, 4, 6])).toBe(4);
		expect(mean([])).toBeNull();
		expect(sampleVariance([5])).toBeNull();
	});

	it('treats rounding noise as no variance', () => {
		// 0.1 + 0.2 is 0.30000000000000004, not 0.3: the pair must still count as constant.
		expect(pearson([0.1 + 0.2, 0.3, 0.3], [1, 2, 3])).toBeNull();
	});

	it('computes a hand-worked correlation', () => {
		// x [1,2,3], y [2,4,5]: means 2, 11/3; dx −1 0 1; dy −5/3 1/3 4/3; Σ = 5/3 + 4/3 = 3
		// SSx = 2; SSy = 25/9 + 1/9 + 16/9 = 42/9 → r = 3 / √(2 · 42/9) = 3 / √(84/9) = 9 / √84 ≈ 0.981981
		expect(pearson([1, 2, 3], [2, 4, 5])).toBeCloseTo(9 / Math.sqrt(84), 12);
	});

	it('rejects mismatched lengths', () => {
		expect(() => pearson([1, 2], [1])).toThrow(RangeError);
	});
});
