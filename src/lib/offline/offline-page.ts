/**
 * The page the service worker answers with when the learner is offline and asks for a page it has not kept:
 * says so plainly and links the lessons that are available. Built in the worker from its own cache, so it needs
 * no script and no server; its styles are inline and follow the light or dark scheme.
 */

export interface KeptLesson {
	href: string;
	title: string;
}

const escape = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const unescape = (text: string) =>
	text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);

/** A kept page's title without the site name ("Lesson · Course · Touchstone" → "Lesson · Course"). */
export function titleOf(html: string, fallback: string): string {
	const match = /<title>([^<]*)<\/title>/.exec(html);
	const title = match ? unescape(match[1]).replace(/\s*·\s*Touchstone\s*$/, '').trim() : '';
	return title || fallback;
}

/** Only our own headers: no script at all may run in this page. */
export const OFFLINE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

export function offlinePageHtml(lessons: KeptLesson[], requested: string): string {
	const sorted = [...lessons].sort((a, b) => a.href.localeCompare(b.href));
	const list = sorted.length
		? `<ul>${sorted.map((l) => `<li><a href="${escape(l.href)}">${escape(l.title)}</a></li>`).join('')}</ul>`
		: '<p>No lessons are kept on this device yet. When you are back online, open a course and choose “Keep this course for offline reading”.</p>';
	return `<!doctype html>
<html lang="en" data-offline-page>
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>You are offline · Touchstone</title>
<style>
:root { --bg: #fbfaf7; --text: #1d2424; --muted: #4d5957; --accent: #1f5f5b; }
@media (prefers-color-scheme: dark) { :root { --bg: #151a1a; --text: #e8ecea; --muted: #b4bfbc; --accent: #7cc8bf; } }
body { margin: 0; background: var(--bg); color: var(--text); font: 1.05rem/1.6 system-ui, sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.muted { color: var(--muted); }
li { margin-block: 0.4rem; }
</style>
</head>
<body>
<main>
<p><a href="/dashboard">Touchstone</a></p>
<h1>You are offline</h1>
<p><span class="muted">This page (${escape(requested)}) is not kept on this device.</span> It will open again when you are back online.</p>
<h2>Lessons you can read offline</h2>
${list}
<p class="muted">Reading time and “I have finished reading” made offline are sent when you reconnect. Quizzes, knowledge checks and reviews need a connection.</p>
</main>
</body>
</html>`;
}
