import { describe, expect, it } from 'vitest';
import { splitSnippet, toFtsQuery } from './search-query';

describe('toFtsQuery', () => {
	it('quotes each word and makes the last a prefix', () => {
		expect(toFtsQuery('lactate removal')).toBe('"lactate" "removal"*');
	});

	it('neutralises FTS syntax typed by the visitor', () => {
		expect(toFtsQuery('cortisol" OR body:* NEAR(')).toBe('"cortisol" "or" "body" "near"*');
		expect(toFtsQuery('-"*^()')).toBeNull();
	});

	it('bounds long junk input', () => {
		const q = toFtsQuery('x'.repeat(1000) + ' ' + 'word '.repeat(500));
		expect(q).not.toBeNull();
		expect(q!.split(' ').length).toBeLessThanOrEqual(8);
		expect(q!.length).toBeLessThan(300);
	});

	it('returns null for empty or punctuation-only queries', () => {
		expect(toFtsQuery('   ')).toBeNull();
		expect(toFtsQuery('!!!')).toBeNull();
	});
});

describe('splitSnippet', () => {
	it('separates highlighted hits from plain text', () => {
		expect(splitSnippet('a \u0002hit\u0003 b')).toEqual([
			{ text: 'a ', hit: false },
			{ text: 'hit', hit: true },
			{ text: ' b', hit: false }
		]);
	});
});
