// Turns whatever a visitor types into a safe FTS5 query: only letters and digits survive, each word is quoted (so
// FTS operators and quotes typed by the visitor are plain text), and the last word matches as a prefix.

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;

export function toFtsQuery(input: string): string | null {
	const terms = (input.slice(0, MAX_QUERY_LENGTH).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
	if (terms.length === 0) return null;
	return terms.map((t, i) => (i === terms.length - 1 && t.length >= 3 ? `"${t}"*` : `"${t}"`)).join(' ');
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Splits an FTS snippet with our private markers into plain and highlighted parts, rendered without HTML. */
export function splitSnippet(snippet: string): { text: string; hit: boolean }[] {
	const parts: { text: string; hit: boolean }[] = [];
	for (const piece of snippet.split(MARK_START)) {
		const end = piece.indexOf(MARK_END);
		if (end < 0) {
			if (piece) parts.push({ text: piece, hit: false });
			continue;
		}
		parts.push({ text: piece.slice(0, end), hit: true });
		if (piece.slice(end + 1)) parts.push({ text: piece.slice(end + 1), hit: false });
	}
	return parts.filter((p) => p.text.length > 0);
}
