import { describe, expect, it } from 'vitest';
import { PEDRO_ITEM_COUNT, PEDRO_MAX_TOTAL, describeBands, pedroBand, pedroItems, pedroTotal, summaryFieldNames, type Answer } from './pedro';
import { summarySchema } from './trials';

describe('the PEDro scale', () => {
	it('has 11 items numbered 1 to 11, of which items 2 to 11 count toward a 0-10 total', () => {
		expect(PEDRO_ITEM_COUNT).toBe(11);
		expect(pedroItems.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(pedroItems.filter((i) => !i.counted).map((i) => i.item)).toEqual([1]);
		expect(PEDRO_MAX_TOTAL).toBe(10);
	});

	it('bands every total from 0 to 10: 0-3 poor, 4-5 fair, 6-8 good, 9-10 excellent', () => {
		const bands = Array.from({ length: 11 }, (_, total) => pedroBand(total));
		expect(bands).toEqual(['poor', 'poor', 'poor', 'poor', 'fair', 'fair', 'good', 'good', 'good', 'excellent', 'excellent']);
	});

	it('describes the bands in words for the result', () => {
		expect(describeBands()).toBe('9 to 10 excellent, 6 to 8 good, 4 to 5 fair, 0 to 3 poor');
	});

	it('refuses a total that is not a whole number from 0 to 10', () => {
		for (const bad of [-1, 11, 4.5, Number.NaN]) expect(() => pedroBand(bad)).toThrow(RangeError);
	});

	it('totals the yes answers of items 2-11 and ignores item 1', () => {
		const all = (a: Answer) => Array<Answer>(11).fill(a);
		expect(pedroTotal(all('yes'))).toBe(10);
		expect(pedroTotal(all('no'))).toBe(0);
		expect(pedroTotal(['yes', ...Array<Answer>(10).fill('no')])).toBe(0);
		expect(pedroTotal(['no', 'yes', 'no', 'yes', 'no', 'no', 'yes', 'no', 'no', 'yes', 'yes'])).toBe(5);
	});

	it('refuses a set of answers that is not exactly 11 long', () => {
		expect(() => pedroTotal(Array<Answer>(10).fill('yes'))).toThrow(RangeError);
		expect(() => pedroTotal(Array<Answer>(12).fill('yes'))).toThrow(RangeError);
	});

	it('names the same summary fields, in the same order, as the trials schema', () => {
		expect(Object.keys(summarySchema.shape)).toEqual(summaryFieldNames);
	});
});
