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
