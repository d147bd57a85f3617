// A lesson's request-independent HTML: the body between its interactive islands, and the reference list. The
// server renders it once per process and writes it into each page response as pre-encoded bytes
// (lesson-html.ts); while SvelteKit renders the page on the server, each piece is only a marker comment that the
// response then replaces, so the framework never hashes, encodes or copies the big strings per request. In the
// browser the page keeps the server's HTML when hydrating, and a navigation gets it in the page's data.

export interface LessonHtml {
	/** The body's static HTML around its islands: one more part than there are islands. */
	parts: string[];
	references: string;
}

export const MARKER = /<!--touchstone:lesson-html:(\d+)-->/g;

const marker = (i: number) => `<!--touchstone:lesson-html:${i}-->`;

/** The markers standing for a lesson's HTML pieces, in order: parts 0..islands, then the references. */
export function lessonHtmlMarkers(islands: number): LessonHtml {
	return { parts: Array.from({ length: islands + 1 }, (_, i) => marker(i)), references: marker(islands + 1) };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Whether every element opened in `html` is closed in it (tags only; enough for the HTML svelte renders). */
export function balanced(html: string): boolean {
	const open: string[] = [];
	for (const [, closing, name, selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
		const tag = name.toLowerCase();
		if (VOID.has(tag) || selfClosing) continue;
		if (!closing) open.push(tag);
		else if (open.pop() !== tag) return false;
	}
	return open.length === 0;
}
