import { describe, it, expect } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('joins plain fields with commas and records with CRLF', () => {
		expect(toCsv([['name', 'score'], ['Ana', 92.5], ['Ben', null]])).toBe('name,score\r\nAna,92.5\r\nBen,\r\n');
	});

	it('returns an empty string for no rows', () => {
		expect(toCsv([])).toBe('');
	});

	it('quotes fields with commas, quotes, CR or LF and doubles the quotes', () => {
		expect(toCsv([['a,b', 'say "hi"', 'line1\nline2', 'cr\rhere', 'plain']])).toBe(
			'"a,b","say ""hi""","line1\nline2","cr\rhere",plain\r\n'
		);
	});

	it('prefixes text that a spreadsheet would run as a formula', () => {
		expect(toCsv([['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', 'a=b']])).toBe("'=1+1,'+SUM(A1),'-2,'@cmd,'\tx,a=b\r\n");
	});

	it('prefixes and then quotes when both apply', () => {
		expect(toCsv([['=HYPERLINK("http://x","y")', '\rboom']])).toBe('"\'=HYPERLINK(""http://x"",""y"")","\'\rboom"\r\n');
	});

	it('leaves numbers as numbers, negative included', () => {
		expect(toCsv([[-5, 0, 1.25, -0.5]])).toBe('-5,0,1.25,-0.5\r\n');
	});

	it('writes non-finite numbers as empty fields', () => {
		expect(toCsv([[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]])).toBe(',,\r\n');
	});

	it('keeps empty strings and an empty row', () => {
		expect(toCsv([['', 'x'], []])).toBe(',x\r\n\r\n');
	});
});
