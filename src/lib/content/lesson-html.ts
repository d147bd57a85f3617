import type { ComponentProps } from 'svelte';
import { createHash } from 'node:crypto';
import { render } from 'svelte/server';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import LessonRender from '$lib/components/lesson/LessonRender.svelte';
import type { LessonContext, LessonIsland } from '$lib/components/lesson/lesson-context';
import { loadBody } from './components';
import { balanced, MARKER, type LessonHtml } from './lesson-html-markers';

// Renders a lesson body once per process (svelte/server) into static HTML with a place kept for each island,
// and writes it into the page responses in place of its markers (lesson-html-markers.ts). Server only: it loads
// the compiled lesson bodies, which the browser no longer needs.

const ISLAND = '<!--touchstone:island-->';
const REFERENCES = '<!--touchstone:references-->';

type LessonData = Omit<LessonContext, 'island'> & { references: ComponentProps<typeof LessonRender>['references'] };

export interface RenderedLesson {
	html: LessonHtml;
	islands: LessonIsland[];
	/** The pieces in marker order (parts, then references), encoded once. */
	bytes: Buffer[];
	/** Names this HTML in the page's ETag, which SvelteKit computes over the page with markers only. */
	tag: string;
}

const rendered = new Map<string, RenderedLesson>();

/** The lesson's HTML and islands: rendered on the first request for it in this process (on every one in dev). */
export async function lessonHtml(file: string, data: () => LessonData): Promise<RenderedLesson> {
	const kept = rendered.get(file);
	if (kept && !dev) return kept;
	const fresh = await renderLessonHtml(file, data());
	rendered.set(file, fresh);
	return fresh;
}

const pending = new WeakMap<Request, RenderedLesson>();

/** Asks for the page answering `request` to get this lesson's HTML in place of its markers. */
export function spliceInto(request: Request, lesson: RenderedLesson): void {
	pending.set(request, lesson);
}

/**
 * Resolves a page and, when its load asked for it (spliceInto), writes the lesson's HTML in place of its markers.
 * The page is taken as SvelteKit renders it (transformPageChunk) rather than read back from its response.
 */
export async function resolveWithLessonHtml(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	let page: string | undefined;
	const response = await resolve(event, {
		transformPageChunk: ({ html, done }) => {
			if (done && pending.has(event.request)) page = html;
			return html;
		}
	});
	const lesson = pending.get(event.request);
	if (!lesson || page === undefined || response.status !== 200) return response;
	void response.body?.cancel();
	const chunks: Buffer[] = [];
	let from = 0;
	for (const match of page.matchAll(MARKER)) {
		chunks.push(Buffer.from(page.slice(from, match.index)), lesson.bytes[Number(match[1])] ?? Buffer.alloc(0));
		from = match.index + match[0].length;
	}
	chunks.push(Buffer.from(page.slice(from)));
	const body = Buffer.concat(chunks);
	const headers = new Headers(response.headers);
	headers.set('content-length', String(body.byteLength));
	const etag = headers.get('etag');
	if (etag) headers.set('etag', `${etag.slice(0, -1)}-${lesson.tag}"`);
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

export async function renderLessonHtml(file: string, data: LessonData): Promise<RenderedLesson> {
	const islands: LessonIsland[] = [];
	const lesson: LessonContext = {
		...data,
		island(island) {
			islands.push(island);
			return ISLAND;
		}
	};
	const body = await loadBody(file);
	const page = render(LessonRender, { props: { body, lesson, references: data.references, separator: REFERENCES } }).body;
	const [main, references] = page.split(REFERENCES);
	const parts = main.split(ISLAND).map(withoutComments);
	// The page puts each island between two parts, so a part must not leave an element open around one.
	if (parts.some((part) => !balanced(part))) {
		throw new Error(`${file}: a <KnowledgeCheck>, <EffectSizeExplorer> or <TrialAppraisal> must stand on its own line, inside no other element`);
	}
	const html = { parts, references: withoutComments(references) };
	const pieces = [...html.parts, html.references];
	const tag = createHash('sha256').update(pieces.join('\u0000')).digest('base64url').slice(0, 16);
	return { html, islands, bytes: pieces.map((piece) => Buffer.from(piece)), tag };
}

/** Svelte's hydration markers (and authors' comments): the static HTML is never hydrated. */
function withoutComments(html: string): string {
	return html.replace(/<!--[\s\S]*?-->/g, '');
}
