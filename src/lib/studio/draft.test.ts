import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/quiz/types';
import { correctMarks, hasCorrectChoice } from './correct';
import { addRow, buildQuestion, draftFromQuestion, emptyDraft, readDraft, splitTags, type QuestionDraft } from './draft';

const samples: Question[] = [
	{
		type: 'single',
		title: 'kc',
		text: 'Which?',
		points: 2,
		explanation: 'Because.',
		cite: 'wiltshire2010',
		tags: ['lactate', 'circulation-toxins-and-lactate'],
		choices: [
			{ id: 'a', text: 'Right', weight: 100, feedback: 'Yes' },
			{ id: 'b', text: 'Wrong', weight: -50 }
		]
	},
	{ type: 'multiple', text: 'All?', points: 1, tags: [], choices: [{ id: 'a', text: 'A', weight: 50 }, { id: 'b', text: 'B', weight: 50 }] },
	{ type: 'truefalse', text: 'True?', points: 1, tags: [], answer: false, feedbackWrong: 'W', feedbackRight: 'R' },
	{ type: 'short', text: 'Name it', points: 1, tags: [], answers: [{ text: 'lactate', weight: 100 }, { text: 'lactic acid', weight: 50, feedback: 'Close' }] },
	{
		type: 'numeric',
		text: 'How many?',
		points: 1.5,
		tags: [],
		answers: [
			{ kind: 'tolerance', value: 20, tolerance: 2, weight: 100 },
			{ kind: 'range', min: -1.5, max: 30, weight: 50, feedback: 'Roughly' }
		]
	},
	{ type: 'matching', text: 'Match', points: 1, tags: [], pairs: [{ id: 'm1', prompt: 'H', answer: 'Pump' }, { id: 'm2', prompt: '', answer: 'Spare' }] },
	{ type: 'ordering', text: 'Order', points: 1, tags: [], items: [{ id: 'o1', text: 'First' }, { id: 'o2', text: 'Second' }] }
];

/** The form fields a browser would post for a draft, with the correct-answer controls as the editor shows them. */
function toFields(draft: QuestionDraft): Record<string, string> {
	const { rows, ...rest } = draft;
	const fields: Record<string, string> = { ...rest };
	rows.forEach((row, i) => Object.entries(row).forEach(([k, v]) => (fields[`r${i}.${k}`] = v)));
	if (hasCorrectChoice(draft.type)) {
		correctMarks(draft.type, rows.map((r) => r.weight)).forEach((marked, i) => {
			if (marked && draft.type === 'single') fields.correct = String(i);
			if (marked && draft.type === 'multiple') fields[`r${i}.correct`] = 'on';
		});
	}
	return fields;
}

describe('question drafts', () => {
	it('turn every question type into form fields and back without change', () => {
		for (const question of samples) {
			const draft = draftFromQuestion(question, ['circulation-toxins-and-lactate']);
			const { draft: read, tooManyRows } = readDraft(toFields(draft));
			expect(tooManyRows).toBe(false);
			const built = buildQuestion(read);
			expect(built.errors, question.type).toEqual([]);
			expect(built.question, question.type).toEqual(question);
		}
	});

	it('keeps the lesson tag apart from topics and puts it back on save', () => {
		const draft = draftFromQuestion(samples[0], ['circulation-toxins-and-lactate']);
		expect(draft.lesson).toBe('circulation-toxins-and-lactate');
		expect(draft.tags).toBe('lactate');
	});

	it('drops blank rows, renumbers ids and normalises browser line breaks', () => {
		const draft = { ...addRow(emptyDraft('ordering')), text: 'Line one\r\nline two' };
		draft.rows[1].text = 'B';
		draft.rows[3].text = 'D';
		const { draft: read } = readDraft(toFields(draft));
		const { question } = buildQuestion(read);
		expect(question).toMatchObject({ text: 'Line one\nline two', items: [{ id: 'o1', text: 'B' }, { id: 'o2', text: 'D' }] });
	});

	it('reports typing mistakes and oversized fields with row numbers', () => {
		const draft = emptyDraft('single');
		draft.text = 'x'.repeat(5001);
		draft.points = '0';
		draft.rows[0] = { ...draft.rows[0], text: 'ok', weight: '150' };
		draft.rows[1] = { ...draft.rows[1], text: '', feedback: 'orphan feedback' };
		draft.rows[2] = { ...draft.rows[2], text: 'y'.repeat(1001) };
		const { errors, tooLong } = buildQuestion(draft);
		expect(tooLong).toEqual([
			'The question text can be at most 5,000 characters (it has 5,001).',
			'The option text in row 3 can be at most 1,000 characters (it has 1,001).'
		]);
		expect(errors).toContain('Points must be a number above 0 and at most 100, with at most 2 decimals.');
		expect(errors).toContain('Row 1: the weight must be a percentage from -100 to 100.');
		expect(errors).toContain('Row 2: enter the option text, or clear the whole row to remove it.');
		const numeric = emptyDraft('numeric');
		numeric.text = 'n';
		numeric.rows[0] = { ...numeric.rows[0], kind: 'range', min: '5', max: 'ten' };
		expect(buildQuestion(numeric).errors).toEqual(['Row 1: the maximum must be a number, like 12 or -0.5.']);
	});

	it('refuses more rows than the limit instead of dropping them', () => {
		const fields: Record<string, string> = { type: 'ordering', text: 'x', points: '1' };
		for (let i = 0; i < 51; i++) fields[`r${i}.text`] = `item ${i}`;
		expect(readDraft(fields).tooManyRows).toBe(true);
	});

	it('refuses a title or tag with a text-direction override or a control character', () => {
		const draft = { ...emptyDraft('truefalse'), text: 'True?', title: 'gnp.\u202Eexe', tags: 'fine, bad\u2066tag' };
		expect(buildQuestion(draft).errors).toEqual([
			'The title cannot contain control characters or text-direction overrides.',
			'Tags cannot contain control characters or text-direction overrides.'
		]);
		expect(buildQuestion({ ...draft, title: 'Zoë 山田', tags: 'fine, עברית' }).errors).toEqual([]);
	});

	it('splits tags on commas, trimmed and without duplicates', () => {
		expect(splitTags(' lactate, Lactate ,, recovery  time ')).toEqual(['lactate', 'recovery time']);
	});
});
