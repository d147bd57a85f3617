// The one rule for text that other people read, kept apart from zod so the browser bundle (the question editor
// checks as you type) and the GIFT/JSON import can use it too.

/**
 * Control characters (NUL, line breaks, C1) and the bidirectional embedding, override and isolate characters
 * (U+202A–U+202E, U+2066–U+2069). Text shown to others (a name on a certificate, a quiz title, a tag, a ledger
 * entry) may not contain them: a right-to-left override makes text read as something else ("Sam \u202Enoskcaj"
 * shows as "Sam jackson"), and control characters are invisible. Letters of every script, combining marks and
 * joiners are fine.
 */
export const DECEPTIVE_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** The same for multi-line text (a Markdown description): tabs and line breaks are allowed, nothing else is. */
const DECEPTIVE_IN_MULTILINE = /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Whether the text contains a character of DECEPTIVE_CHARACTERS (tabs and line breaks allowed when multiline). */
export function hasDeceptiveCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
	return (options.multiline ? DECEPTIVE_IN_MULTILINE : DECEPTIVE_CHARACTERS).test(text);
}

/** The message for text refused by hasDeceptiveCharacters, e.g. deceptiveTextMessage('Titles'). */
export function deceptiveTextMessage(what: string): string {
	return `${what} cannot contain control characters or text-direction overrides.`;
}

/**
 * The text with each of those characters written as its code point ("gnp.<U+202E>exe"), so a message can quote
 * refused text without the override taking effect on the page.
 */
export function showInvisible(text: string): string {
	return text.replace(new RegExp(DECEPTIVE_CHARACTERS.source, 'gu'), (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
