import { describe, expect, it } from 'vitest';
import { correctMarks, deriveWeights, resolveWeights, weightsAreStandard } from './correct';
import { readDraft } from './draft';

const row = (weight: string, shown: string, correct: boolean, blank = false) => ({ weight, shown, correct, blank });

describe('weights from the correct-answer choice', () => {
	it('gives the one correct option of a single-choice question 100% and the others 0', () => {
		expect(deriveWeights('single', [false, false, true, false])).toEqual(['0', '0', '100', '0']);
	});

	it('shares 100% among the correct options of a multiple-response question and -100% among the wrong ones', () => {
		expect(deriveWeights('multiple', [true, false, true, false])).toEqual(['50', '-50', '50', '-50']);
		expect(deriveWeights('multiple', [true, true, true, false])).toEqual(['33.33333', '33.33333', '33.33333', '-100']);
		expect(deriveWeights('multiple', [false, false])).toEqual(['0', '0']);
	});

	it('leaves blank rows out of the shares', () => {
		expect(deriveWeights('multiple', [true, false, false, false], [false, false, true, true])).toEqual(['100', '-100', '0', '0']);
	});

	it('marks the best option of a single-choice question and every credited option of a multiple one', () => {
		expect(correctMarks('single', ['50', '100', '100', '0'])).toEqual([false, true, false, false]);
		expect(correctMarks('single', ['0', '0'])).toEqual([false, false]);
		expect(correctMarks('multiple', ['50', '-50', '50', '0'])).toEqual([true, false, true, false]);
	});

	it('tells standard weights from custom ones', () => {
		expect(weightsAreStandard('single', ['100', '0', '0'])).toBe(true);
		expect(weightsAreStandard('single', ['100', '50', '0'])).toBe(false);
		expect(weightsAreStandard('multiple', ['50', '-50', '50', '-50'])).toBe(true);
		expect(weightsAreStandard('multiple', ['50', '0', '50', '0'])).toBe(false);
	});
});

describe('resolving the posted weights', () => {
	it('derives the weights when only the correct answer changed', () => {
		expect(resolveWeights('single', [row('100', '100', false), row('0', '0', true), row('0', '0', false)])).toEqual(['0', '100', '0']);
	});

	it('keeps a weight edited under Advanced, whatever the correct marks say', () => {
		expect(resolveWeights('single', [row('100', '100', true), row('50', '0', false)])).toEqual(['100', '50']);
	});

	it('keeps custom weights when nothing was changed', () => {
		expect(resolveWeights('single', [row('100', '100', true), row('50', '50', false), row('0', '0', false)])).toEqual(['100', '50', '0']);
	});

	it('reads a form posted without JavaScript: the radio picks the correct option and sets 100%', () => {
		const fields = {
			type: 'single',
			text: 'Which?',
			correct: '2',
			...Object.fromEntries([0, 1, 2].flatMap((i) => [[`r${i}.text`, `Option ${i}`], [`r${i}.weight`, i === 0 ? '100' : '0'], [`r${i}.shown`, i === 0 ? '100' : '0']]))
		};
		const { draft } = readDraft(fields);
		expect(draft.rows.map((r) => r.weight)).toEqual(['0', '0', '100']);
		expect(draft.rows.map((r) => r.shown)).toEqual(['0', '0', '100']);
	});

	it('reads multiple-response checkboxes into equal shares', () => {
		const fields: Record<string, string> = { type: 'multiple', text: 'Which?' };
		for (const i of [0, 1, 2]) Object.assign(fields, { [`r${i}.text`]: `Option ${i}`, [`r${i}.weight`]: '0', [`r${i}.shown`]: '0' });
		fields['r0.correct'] = 'on';
		fields['r2.correct'] = 'on';
		expect(readDraft(fields).draft.rows.map((r) => r.weight)).toEqual(['50', '-100', '50']);
	});
});
