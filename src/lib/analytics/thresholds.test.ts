import { describe, expect, it } from 'vitest';
import { analyseItems, itemThresholds, shownFigure } from './items';

// A two-item matrix whose first item has the given facility (fraction correct of 1000 attempts) and a positive
// discrimination, so only the facility flags can fire on it.
function withFacility(correct: number) {
	return analyseItems(Array.from({ length: 1000 }, (_, i) => [i < correct ? 1 : 0, i < correct ? 1 : 0]))[0];
}

// Builds an item with a chosen discrimination index: item 1 and the rest (item 2..) correlate as the pairs say.
function withDiscrimination(n11: number, n10: number, n01: number, n00: number) {
	const rows = [
		...Array.from({ length: n11 }, () => [1, 1]),
		...Array.from({ length: n10 }, () => [1, 0]),
		...Array.from({ length: n01 }, () => [0, 1]),
		...Array.from({ length: n00 }, () => [0, 0])
	];
	return analyseItems(rows)[0];
}
const codes = (item: { flags: { code: string }[] }) => item.flags.map((f) => f.code);

describe('question flags agree with the thresholds the page states', () => {
	it('states facility in percent and discrimination as an index from -100 to 100', () => {
		expect(itemThresholds).toMatchObject({ tooEasyAbovePercent: 90, tooHardBelowPercent: 20, weakDiscriminationBelow: 20, negativeDiscriminationBelow: 0 });
	});

	it('flags a discrimination shown as 9.8 as weak ("below 20 is weak"), even with few attempts', () => {
		// Symmetric pairs (a, b, b, a) give φ = (a − b) / (a + b): (549, 451) → 98 / 1000 → 9.8.
		const item = withDiscrimination(549, 451, 451, 549);
		expect(shownFigure(item.discriminationIndex)).toBe('9.8');
		expect(codes(item)).toEqual(['low-discrimination']);
		const few = withDiscrimination(3, 2, 2, 2);
		expect(codes(few)).toEqual(['low-discrimination']);
	});

	it('flags discrimination just below 20 and not at 20 as shown', () => {
		// (600, 400): φ = 0.2 → exactly 20.0, not weak; (5999, 4001): 19.98, shown as 20.0, not weak either.
		expect(codes(withDiscrimination(600, 400, 400, 600))).toEqual([]);
		expect(codes(withDiscrimination(5999, 4001, 4001, 5999))).toEqual([]);
		// (599, 401): φ = 0.198 → 19.8, weak.
		expect(codes(withDiscrimination(599, 401, 401, 599))).toEqual(['low-discrimination']);
	});

	it('flags negative discrimination below 0 and not at 0', () => {
		expect(codes(withDiscrimination(50, 50, 50, 50))).toEqual(['low-discrimination']);
		expect(codes(withDiscrimination(49, 51, 51, 49))).toEqual(['negative-discrimination']);
	});

	it('flags facility above 90% and below 20%, as the figures are shown', () => {
		expect(codes(withFacility(900))).toEqual([]);
		expect(codes(withFacility(901))).toEqual(['too-easy']);
		expect(codes(withFacility(200))).toEqual([]);
		expect(codes(withFacility(199))).toEqual(['too-hard']);
		// 90.04% is shown as 90.0%: not "above 90%", so not flagged.
		const nearly = analyseItems(Array.from({ length: 10000 }, (_, i) => [i < 9004 ? 1 : 0, i < 9004 ? 1 : 0]))[0];
		expect(shownFigure(nearly.facilityPercent)).toBe('90.0');
		expect(codes(nearly)).toEqual([]);
	});
});
