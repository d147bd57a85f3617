import { describe, it, expect } from 'vitest';
import { findLastUnescaped, findUnescaped, lexLines, splitBlocks, unitsToText } from './lexer';

describe('splitBlocks', () => {
	it('separates blocks at blank lines and keeps comment lines apart with their line numbers', () => {
		const blocks = splitBlocks('// c1\nQ1 {T}\n   \n\nQ2\n// c2\n{F}\n');
		expect(blocks).toEqual([
			{ comments: [{ line: 1, text: '// c1' }], content: [{ line: 2, text: 'Q1 {T}' }] },
			{
				comments: [{ line: 6, text: '// c2' }],
				content: [
					{ line: 5, text: 'Q2' },
					{ line: 7, text: '{F}' }
				]
			}
		]);
	});
});

describe('lexLines', () => {
	it('marks escaped characters and joins lines with newlines', () => {
		const units = lexLines([
			{ line: 3, text: 'a\\{b' },
			{ line: 4, text: 'c\\nd\\\\n' }
		]);
		expect(unitsToText(units)).toBe('a{b\nc\nd\\n');
		expect(units.filter((u) => u.escaped).map((u) => u.ch)).toEqual(['{', '\n', '\\']);
		expect(units.at(-1)?.line).toBe(4);
	});

	it('keeps a backslash that escapes nothing', () => {
		expect(unitsToText(lexLines([{ line: 1, text: '\\(x\\) \\' }]))).toBe('\\(x\\) \\');
	});
});

describe('findUnescaped', () => {
	it('skips escaped characters', () => {
		const units = lexLines([{ line: 1, text: '\\{ { \\#### ####x' }]);
		expect(findUnescaped(units, '{')).toBe(2);
		expect(findLastUnescaped(units, '####')).toBe(9);
		expect(findUnescaped(units, '}')).toBe(-1);
	});
});
