// Safe Markdown rendering for text that instructors write and students read (question text, options,
// feedback, explanations). Pure and DOM-free, so it runs the same in the browser and on the server.
//
// Security model (the output is meant to be inserted with {@html}):
// - Raw HTML is never passed through. The block `html` and inline `tag` tokenizers are switched off, so
//   `<script>`, `<img onerror=...>`, `<a href=...>`, `<!-- -->` and the like are lexed as ordinary text and
//   rendered escaped, i.e. shown literally. The `html` renderer escapes too, as a second line of defence.
// - Link destinations are allow-listed: http:, https:, mailto:, or a relative reference starting with `/` or
//   `#`. Anything else (javascript:, vbscript:, data:, file:, bare relative paths, ...) renders the link's
//   text only. Images are rendered as <img> only for http: and https: sources, otherwise as their alt text.
// - The URL that is checked is exactly the URL that is emitted: entities are decoded and the characters that
//   browsers ignore in URLs (tab, newline, leading/trailing controls and spaces) are removed *before* the
//   check, and the emitted attribute is fully escaped (`&` included), so the browser's decoded attribute value
//   is the checked string.
// - Every attribute value is escaped; the only attributes ever produced are href, src, alt, title, rel,
//   loading, class (code language), start (ordered lists) and align (table cells).
// - GFM task-list checkboxes are rendered as ☐/☑ characters instead of <input> elements, so rendered text
//   never adds form controls to a quiz form.
//
// Input longer than MAX_MARKDOWN_LENGTH characters is truncated: only the first MAX_MARKDOWN_LENGTH
// characters are rendered, followed by an ellipsis ("…").
import { Marked, type MarkedToken, type Token } from 'marked';

/** Longest source rendered; the rest is dropped and replaced by "…". */
export const MAX_MARKDOWN_LENGTH = 20_000;

export type MarkdownOptions = {
	/** Render as inline Markdown (no paragraphs, lists, headings...): for option texts and short feedback. */
	inline?: boolean;
};

const TRUNCATION_MARK = '…';

// ---------------------------------------------------------------------------------------------------------
// Escaping and URLs

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escapes every HTML-significant character, `&` included. Used for attribute values and code. */
function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * Escapes text content like marked does: `<>"'` always, `&` only when it does not start a character
 * reference, so `&copy;` still shows ©. A character reference in text content can only ever produce text.
 */
function escapeText(value: string): string {
	return value.replace(/[<>"']|&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|\w+;)/g, (ch) => HTML_ESCAPES[ch]);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes numeric character references and a few common named ones; other `&name;` stay literal. */
function decodeEntities(value: string): string {
	return value.replace(
		/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g,
		(match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
			if (name !== undefined) return NAMED_ENTITIES[name];
			const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
			if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
			return String.fromCodePoint(code);
		}
	);
}

const LINK_SCHEME = /^(?:https?|mailto):/i;
const IMAGE_SCHEME = /^https?:/i;
const RELATIVE = /^[/#]/;

/**
 * Returns the URL to put in an href/src attribute (not yet attribute-escaped), or null if it is not allowed.
 * `literal` is true for autolinks, whose destination is taken as written (no character references).
 */
function safeUrl(raw: string, kind: 'link' | 'image', literal: boolean): string | null {
	let url = literal ? raw : decodeEntities(raw);
	// Browsers drop tab/CR/LF anywhere in a URL and C0 controls/spaces around it ("java\tscript:"), so do the
	// same before looking at the scheme, and emit the cleaned string.
	url = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
	if (url === '') return null;
	const allowed = kind === 'image' ? IMAGE_SCHEME.test(url) : LINK_SCHEME.test(url) || RELATIVE.test(url);
	if (!allowed) return null;
	try {
		// As marked does: percent-encode what needs it but keep existing %XX escapes.
		return encodeURI(url).replace(/%25/g, '%');
	} catch {
		return null; // lone surrogate
	}
}

function clampSource(source: string): string {
	if (source.length <= MAX_MARKDOWN_LENGTH) return source;
	let end = MAX_MARKDOWN_LENGTH;
	const last = source.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
	return source.slice(0, end) + TRUNCATION_MARK;
}

// ---------------------------------------------------------------------------------------------------------
// The Marked instance (never the global one, which other code may configure)

const md = new Marked({
	gfm: true,
	breaks: true, // a newline typed in the editor is a line break, as in GitHub comments
	pedantic: false,
	silent: false,
	tokenizer: {
		// Returning undefined (not false, which would fall back to the built-in tokenizer) means "no match",
		// so HTML is lexed as plain text and escaped by the text renderer.
		html() {
			return undefined;
		},
		tag() {
			return undefined;
		}
	},
	renderer: {
		html({ text, block }) {
			// Unreachable with the tokenizers above; kept so raw HTML can never be emitted.
			return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
		},
		text(token) {
			if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
			// `escaped` is ignored on purpose: escapeText leaves character references alone, so it is idempotent.
			return escapeText(token.text);
		},
		code({ text, lang }) {
			const language = (lang ?? '').match(/^[A-Za-z0-9_+#.-]{1,32}(?=\s|$)/)?.[0];
			const body = escapeHtml(text.replace(/\n$/, '') + (text ? '\n' : ''));
			const classAttr = language ? ` class="language-${escapeHtml(language)}"` : '';
			return `<pre><code${classAttr}>${body}</code></pre>\n`;
		},
		codespan({ text }) {
			return `<code>${escapeHtml(text)}</code>`;
		},
		checkbox({ checked }) {
			return checked ? '☑ ' : '☐ ';
		},
		link({ href, title, tokens, text, autolink }) {
			const content = autolink ? escapeHtml(text) : this.parser.parseInline(tokens);
			const url = safeUrl(href, 'link', autolink === true);
			if (url === null) return content;
			const titleAttr = title ? ` title="${escapeHtml(decodeEntities(title))}"` : '';
			return `<a href="${escapeHtml(url)}"${titleAttr} rel="nofollow noopener noreferrer">${content}</a>`;
		},
		image({ href, title, text, tokens }) {
			const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
			const altText = decodeEntities(alt);
			const url = safeUrl(href, 'image', false);
			if (url === null) return escapeHtml(altText);
			const titleAttr = title ? ` title="${escapeHtml(decodeEntities(title))}"` : '';
			return `<img src="${escapeHtml(url)}" alt="${escapeHtml(altText)}"${titleAttr} loading="lazy">`;
		}
	}
});

/**
 * Renders instructor-written Markdown to HTML that is safe to insert with {@html}: raw HTML is shown as text,
 * links keep only http(s)/mailto/`/`/`#` destinations, images only http(s) sources. GFM (tables,
 * strikethrough, autolinks, task lists) is on and single newlines become <br>. `inline: true` renders without
 * block structure (no <p>), for option texts and short feedback. Only the first MAX_MARKDOWN_LENGTH
 * characters are rendered, followed by "…".
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
	if (typeof source !== 'string' || source === '') return '';
	const src = clampSource(source);
	try {
		return options.inline ? md.parseInline(src, { async: false }) : md.parse(src, { async: false });
	} catch {
		// marked should not throw on any input, but if it does, show the source as text rather than fail the page.
		const text = escapeHtml(src);
		return options.inline ? text : `<p>${text}</p>\n`;
	}
}

// ---------------------------------------------------------------------------------------------------------
// Plain text

function inlineText(tokens: Token[] | undefined): string {
	if (!tokens) return '';
	return tokens.map(inlineTokenText).join('');
}

// Tokens.Generic (extension tokens) in Token would defeat narrowing; this instance registers no extensions.
function inlineTokenText(generic: Token): string {
	const token = generic as MarkedToken;
	switch (token.type) {
		case 'br':
			return '\n';
		case 'checkbox':
			return '';
		case 'codespan':
			return token.text;
		case 'escape':
			return token.text;
		case 'html':
			return token.text;
		case 'text':
			return 'tokens' in token && token.tokens ? inlineText(token.tokens) : decodeEntities(token.text);
		case 'image':
			return decodeEntities(inlineText(token.tokens) || token.text);
		case 'em':
		case 'strong':
		case 'del':
		case 'link':
			return inlineText(token.tokens);
		default: {
			const other = generic as { tokens?: Token[]; text?: unknown };
			if (other.tokens) return inlineText(other.tokens);
			return typeof other.text === 'string' ? decodeEntities(other.text) : '';
		}
	}
}

function blockText(tokens: Token[]): string {
	const parts: string[] = [];
	for (const token of tokens) {
		const text = blockTokenText(token);
		if (text.trim() !== '') parts.push(text);
	}
	return parts.join('\n\n');
}

function blockTokenText(generic: Token): string {
	const token = generic as MarkedToken;
	switch (token.type) {
		case 'space':
		case 'hr':
		case 'def':
			return '';
		case 'code':
			return token.text;
		case 'blockquote':
			return blockText(token.tokens);
		case 'list':
			return token.items.map((item) => blockText(item.tokens)).join('\n');
		case 'table': {
			const rows = [token.header, ...token.rows];
			return rows.map((row) => row.map((cell) => inlineText(cell.tokens)).join(' ')).join('\n');
		}
		case 'paragraph':
		case 'heading':
			return inlineText(token.tokens);
		default:
			return inlineTokenText(generic);
	}
}

/**
 * Text only, for places that cannot hold HTML (aria-labels, GIFT export preview): Markdown formatting is
 * removed, links keep their text, images their alt text, and raw HTML stays as the literal text students see.
 * Blocks are separated by a blank line, list items and table rows by a newline. The result is NOT
 * HTML-escaped. Same truncation as renderMarkdown.
 */
export function markdownToPlainText(source: string, options: MarkdownOptions = {}): string {
	if (typeof source !== 'string' || source === '') return '';
	const src = clampSource(source);
	let text: string;
	try {
		text = options.inline ? inlineText(md.Lexer.lexInline(src, { ...md.defaults })) : blockText(md.lexer(src));
	} catch {
		text = src;
	}
	return text
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
