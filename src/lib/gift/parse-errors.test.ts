import { describe, it, expect } from 'vitest';
import { formatGiftError, parseGift } from './parse';

/** The single error a source produces, formatted as "Line N: message". */
function errorOf(source: string): string {
	const { errors } = parseGift(source);
	expect(errors).toHaveLength(1);
	return formatGiftError(errors[0]);
}

describe('parseGift errors', () => {
	it('reports an unclosed answer block at the end of its question, naming the opening line', () => {
		const source = ['Fine {T}', '', '// cite: x', 'Broken', 'question {', '  =a', '  ~b', '', 'Next {F}'].join('\n');
		const { questions, errors } = parseGift(source);
		expect(errors.map(formatGiftError)).toEqual(['Line 7: expected "}" to close the answer block opened on line 5']);
		// The questions around it still parse, and the broken one's cite does not leak onto the next.
		expect(questions.map((q) => q.text)).toEqual(['Fine', 'Next']);
		expect(questions[1].cite).toBeUndefined();
	});

	it('reports a nested "{" as an unclosed block', () => {
		expect(errorOf('Q {=a {b}')).toBe('Line 1: expected "}" to close the answer block opened on line 1');
	});

	it('reports a stray "}"', () => {
		expect(errorOf('\n\nQ } {T}')).toMatch(/^Line 3: unexpected "}"/);
		expect(errorOf('Q with no open }')).toMatch(/^Line 1: unexpected "}" without an opening "{"/);
	});

	it('reports two questions without a blank line between them', () => {
		expect(errorOf('Q1 {T}\n// cite: a\nQ2 {F}')).toBe(
			'Line 3: expected one answer block per question; separate questions with a blank line'
		);
	});

	it('refuses essay and description questions with an error, not silently', () => {
		const { questions, errors } = parseGift('Write an essay. {}\n\nJust a description.\n\n::t:: Q {T}');
		expect(questions).toHaveLength(1);
		expect(errors).toEqual([
			{ line: 1, message: expect.stringContaining('unsupported question type: essay') },
			{ line: 3, message: expect.stringContaining('unsupported question type: description') }
		]);
	});

	it('requires two answers for multiple choice and two prompts for matching', () => {
		expect(errorOf('Q {~%100%only}')).toBe('Line 1: expected at least 2 answers in a multiple-choice question');
		expect(errorOf('Q {=a -> b = -> c}')).toMatch(/^Line 1: expected at least 2 "=prompt -> answer" pairs/);
	});

	it('requires a positive weight in multiple choice', () => {
		expect(errorOf('Q {~a ~b}')).toMatch(/^Line 1: expected at least one answer with "=" or a positive %weight%/);
	});

	it('reports malformed and out-of-range weights on their own line', () => {
		expect(errorOf('Q {\n=a\n~%abc%b\n}')).toBe('Line 3: expected a percentage weight like %50% but found "%abc%"');
		expect(errorOf('Q {\n=a\n~%150%b\n}')).toBe('Line 3: expected a weight between -100% and 100% but found 150%');
		expect(errorOf('Q {=a ~%50 b}')).toMatch(/expected a closing "%"/);
	});

	it('reports answers without a marker', () => {
		expect(errorOf('Q {oops =a ~b}')).toBe('Line 1: expected "~" or "=" before the answer "oops"');
		expect(errorOf('Q {Paris}')).toBe('Line 1: expected "=" before the answer "Paris"');
	});

	it('reports bad numbers, tolerances and ranges', () => {
		expect(errorOf('Q {#abc}')).toBe('Line 1: expected a number for the answer but found "abc"');
		expect(errorOf('Q {#3:-1}')).toBe('Line 1: expected a tolerance of 0 or more but found -1');
		expect(errorOf('Q {#5..1}')).toBe('Line 1: expected the range minimum 5 to be at most the maximum 1');
		expect(errorOf('Q {#\n=%100%10\n=%50%1x:2\n}')).toBe('Line 3: expected a number for the answer but found "1x"');
		expect(errorOf('Q {#}')).toMatch(/^Line 1: expected a number after "#"/);
		expect(errorOf('Q {#10 ~#other}')).toMatch(/not supported/);
	});

	it('reports a matching pair without "->"', () => {
		expect(errorOf('Q {\n=a -> b\n=c -> d\n=e\n}')).toBe('Line 4: expected "->" between a prompt and its answer in "=e"');
	});

	it('reports an unclosed title and a missing question text', () => {
		expect(errorOf('\n::title without end {T}')).toBe('Line 2: expected "::" to close the title opened on line 2');
		expect(errorOf('::only a title:: {T}')).toBe('Line 1: expected question text before the answer block');
	});

	it('reports convention problems and dangling conventions', () => {
		const { questions, errors } = parseGift('// cite: a\n// cite: b\n// points: lots\nQ {T}\n\n// tags: orphan');
		expect(questions[0]).toMatchObject({ cite: 'a', points: 1 });
		expect(errors.map(formatGiftError)).toEqual([
			'Line 2: expected one "// cite:" per question; "a" was already given on line 1',
			'Line 3: expected a positive number after "// points:" but found "lots"',
			'Line 6: expected a question after this "// cite:", "// tags:" or "// points:" line'
		]);
	});

	it('reports an empty category', () => {
		expect(errorOf('$CATEGORY:   \n\nQ {T}')).toBe('Line 1: expected a category path after "$CATEGORY:"');
	});

	it('never throws on arbitrary input', () => {
		const samples = ['', '{', '}', '::', '::a', '{#', '{#..}', '{=->}', '\\', '{~%', '%%{~%%a}', '\u0000{T}', '{####}', '$CATEGORY:'];
		for (const sample of samples) {
			expect(() => parseGift(sample)).not.toThrow();
		}
		// Deterministic noise made of GIFT's special characters.
		const alphabet = '{}~=#:%->\\\n /ab1.T';
		let state = 7;
		for (let n = 0; n < 300; n++) {
			let text = '';
			for (let i = 0; i < 40; i++) {
				state = (state * 1103515245 + 12345) % 2147483648;
				text += alphabet[state % alphabet.length];
			}
			const result = parseGift(text);
			for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(1);
		}
	});

	it('gives empty results for an empty file or one with only comments', () => {
		expect(parseGift('')).toEqual({ questions: [], errors: [] });
		expect(parseGift('// just a note\n\n   \n')).toEqual({ questions: [], errors: [] });
	});
});
