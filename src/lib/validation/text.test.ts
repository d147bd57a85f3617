import { describe, expect, it } from 'vitest';
import { deceptiveTextMessage, hasDeceptiveCharacters, showInvisible } from './text';

const overrides = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const controls = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F'];

describe('hasDeceptiveCharacters', () => {
	it('accepts text in every script, with marks, joiners, emoji and punctuation', () => {
		for (const text of ['Sam Student', 'Zoë O’Brien-Łukasz', '山田 太郎', 'محمد علي', 'עברית', 'श्रीनिवास', 'Ana 👩‍⚕️', 'José\u200dMaría', '«Ethics» — 2 h', '']) {
			expect(hasDeceptiveCharacters(text), text).toBe(false);
			expect(hasDeceptiveCharacters(text, { multiline: true }), text).toBe(false);
		}
	});

	it('refuses every direction embedding, override and isolate, anywhere in the text, single- or multi-line', () => {
		for (const c of overrides) {
			for (const text of [`${c}x`, `Sam ${c}nosbor`, `x${c}`, `line one\nline ${c}two`]) {
				expect(hasDeceptiveCharacters(text), JSON.stringify(text)).toBe(true);
				expect(hasDeceptiveCharacters(text, { multiline: true }), JSON.stringify(text)).toBe(true);
			}
		}
	});

	it('refuses control characters; multi-line text may still have tabs and line breaks', () => {
		for (const c of controls) {
			expect(hasDeceptiveCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
			expect(hasDeceptiveCharacters(`a${c}b`, { multiline: true }), JSON.stringify(c)).toBe(true);
		}
		for (const text of ['two\nlines', 'tab\there', 'cr\r\nlf']) {
			expect(hasDeceptiveCharacters(text), JSON.stringify(text)).toBe(true);
			expect(hasDeceptiveCharacters(text, { multiline: true }), JSON.stringify(text)).toBe(false);
		}
	});

	it('words the refusal', () => {
		expect(deceptiveTextMessage('Tags')).toBe('Tags cannot contain control characters or text-direction overrides.');
	});

	it('quotes refused text with its invisible characters as code points', () => {
		expect(showInvisible('gnp.\u202Eexe')).toBe('gnp.<U+202E>exe');
		expect(showInvisible('a\u0000b\u2066c')).toBe('a<U+0000>b<U+2066>c');
		expect(showInvisible('plain Zoë')).toBe('plain Zoë');
	});
});
