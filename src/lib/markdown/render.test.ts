import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_LENGTH, markdownToPlainText, renderMarkdown } from './render';

// ---------------------------------------------------------------------------------------------------------
// Output checker: parses every tag in the rendered HTML and fails on anything outside a small allow-list.

const ALLOWED_TAGS = new Set([
	'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
	'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'rel', 'loading', 'class', 'start', 'align']);

function decodeAttribute(value: string): string {
	return value
		.replace(/&#[xX]([0-9a-fA-F]+);?/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
		.replace(/&(quot|apos|lt|gt|colon|tab|newline);?/gi, (_, name: string) =>
			({ quot: '"', apos: "'", lt: '<', gt: '>', colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase()] ?? '')
		.replace(/&amp;?/g, '&');
}

/** What a browser would use as the URL: controls/whitespace it ignores removed. */
function browserUrl(value: string): string {
	return decodeAttribute(value).replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}

function assertSafe(html: string): void {
	expect(html).not.toMatch(/<script/i);
	// Every "<" must open (or close) a well-formed tag; comments, doctypes, <? ... are not allowed.
	expect(html).not.toMatch(/<(?!\/?[a-z][a-z0-9]*[\s/>])/i);
	const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
	for (const [tag, closing, rawName, body] of html.matchAll(tagPattern)) {
		const name = rawName.toLowerCase();
		expect(ALLOWED_TAGS.has(name), `tag <${name}> in ${tag}`).toBe(true);
		if (closing) {
			expect(body.trim(), `closing tag with attributes: ${tag}`).toBe('');
			continue;
		}
		// The whole tag body must consist of name="value" pairs with double-quoted, quote-free values.
		expect(body, `malformed attributes in ${tag}`).toMatch(/^(?:\s+[a-z-]+="[^"<>]*")*\s*$/);
		for (const [, attr, value] of body.matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
			expect(ALLOWED_ATTRIBUTES.has(attr), `attribute ${attr} in ${tag}`).toBe(true);
			expect(attr).not.toMatch(/^on/i);
			if (attr === 'href') expect(browserUrl(value), tag).toMatch(/^(?:https?:|mailto:|\/|#)/i);
			if (attr === 'src') expect(browserUrl(value), tag).toMatch(/^https?:/i);
			if (attr === 'href' || attr === 'src') {
				expect(browserUrl(value)).not.toMatch(/^\s*(?:javascript|vbscript|data|file):/i);
			}
		}
	}
	// Belt and braces: no on*= attribute outside a quoted value anywhere in any tag.
	for (const [tag] of html.matchAll(tagPattern)) {
		expect(tag.replace(/"[^"]*"/g, '""'), tag).not.toMatch(/[\s/"']on\w+\s*=/i);
	}
}

const PAYLOADS: string[] = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'[x](javascript:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x](java&#x09;script:alert(1))',
	'[x](java&#9;script:alert(1))',
	'[x](&#106;avascript:alert(1))',
	'[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
	'[x](javascript&colon;alert(1))',
	'[x]( javascript:alert(1))',
	'[x](   JAVASCRIPT:alert(1) "t")',
	'[x](<javascript:alert(1)>)',
	'[x](\u0001javascript:alert(1))',
	'[x](vbscript:msgbox(1))',
	'![x](javascript:alert(1))',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'[![x](javascript:alert(1))](javascript:alert(1))',
	'<a href="javascript:alert(1)">x</a>',
	'<a href="https://a.example" onclick="alert(1)">x</a>',
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<iframe src="https://evil.example"></iframe>',
	'<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">',
	'"><script>alert(1)</script>',
	"'><img src=x onerror=alert(1)>",
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](DATA:text/html,<script>alert(1)</script>)',
	'<javascript:alert(1)>',
	'<JAVASCRIPT:alert(1)>',
	'<https://a.example/"onmouseover="alert(1)>',
	'www.example.com/"onmouseover=alert(1)',
	'[x][1]\n\n[1]: javascript:alert(1)',
	'[x][1]\n\n[1]: <java&#x09;script:alert(1)> "t"',
	'![x][img]\n\n[img]: javascript:alert(1)',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'&#60;script&#62;alert(1)&#60;/script&#62;',
	'&#x3C;img src=x onerror=alert(1)&#x3E;',
	'\\<script>alert(1)\\</script>',
	'<details open ontoggle=alert(1)>',
	'<style>*{background:url(javascript:alert(1))}</style>',
	'<!-- <script>alert(1)</script> -->',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'[x](https://a.example "a\\" onmouseover=alert(1)")',
	"[x](https://a.example 'a\\' onmouseover=alert(1)')",
	'[x](https://a.example (a" onmouseover="alert(1)))',
	'![a" onerror="alert(1)](https://a.example/x.png)',
	'![x](https://a.example/x.png" onerror="alert(1))',
	'[<img src=x onerror=alert(1)>](https://a.example)',
	'`<script>alert(1)</script>`',
	'```" onmouseover="alert(1)\n<script>alert(1)</script>\n```',
	'```js" onmouseover="alert(1)\ncode\n```',
	'| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |',
	'- <b onmouseover=alert(1)>x</b>\n- [ ] <input onfocus=alert(1) autofocus>',
	'> <object data="javascript:alert(1)">',
	'<form action="javascript:alert(1)"><button>x</button></form>'
];

describe('renderMarkdown: hostile input', () => {
	it('has a payload list of at least 15 entries', () => {
		expect(PAYLOADS.length).toBeGreaterThanOrEqual(15);
	});

	describe.each([
		{ mode: 'block', inline: false },
		{ mode: 'inline', inline: true }
	])('$mode', ({ inline }) => {
		it.each(PAYLOADS)('%j renders without script, handlers or unsafe URLs', (payload) => {
			assertSafe(renderMarkdown(payload, { inline }));
		});
	});

	it('shows raw HTML as text instead of passing it through', () => {
		expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
		expect(renderMarkdown('<img src=x onerror=alert(1)>', { inline: true })).toBe(
			'&lt;img src=x onerror=alert(1)&gt;'
		);
		expect(renderMarkdown('<details open ontoggle=alert(1)>')).toBe(
			'<p>&lt;details open ontoggle=alert(1)&gt;</p>\n'
		);
		expect(renderMarkdown('<a href="javascript:alert(1)">x</a>')).toBe(
			'<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>\n'
		);
	});

	it('still applies Markdown around and inside literal HTML', () => {
		expect(renderMarkdown('<div>\n*hi*\n</div>')).toBe('<p>&lt;div&gt;<br><em>hi</em><br>&lt;/div&gt;</p>\n');
	});

	it.each([
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](java&#x09;script:alert(1))',
		'[x]( javascript:alert(1))',
		'[x](data:text/html;base64,PHNjcmlwdD4=)',
		'[x](vbscript:msgbox(1))',
		'[x](file:///etc/passwd)',
		'[x](relative/path)',
		'[x][1]\n\n[1]: javascript:alert(1)'
	])('renders a disallowed link %j as its text only', (source) => {
		expect(renderMarkdown(source)).toBe('<p>x</p>\n');
	});

	it('renders a disallowed autolink as its literal text', () => {
		expect(renderMarkdown('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>\n');
	});

	it('renders a disallowed image as its alt text', () => {
		expect(renderMarkdown('![x <b>](javascript:alert(1))', { inline: true })).toBe('x &lt;b&gt;');
		expect(renderMarkdown('![chart](data:image/png;base64,AAAA)', { inline: true })).toBe('chart');
		expect(renderMarkdown('![chart](/static/chart.png)', { inline: true })).toBe('chart');
	});

	it('keeps a quote in a title inside the attribute', () => {
		expect(renderMarkdown('[x](https://a.example "a\\" onmouseover=alert(1)")', { inline: true })).toBe(
			'<a href="https://a.example" title="a&quot; onmouseover=alert(1)" rel="nofollow noopener noreferrer">x</a>'
		);
	});

	it('escapes quotes in alt text and percent-encodes quotes in URLs', () => {
		expect(renderMarkdown('![a" onerror="alert(1)](https://a.example/x.png)', { inline: true })).toBe(
			'<img src="https://a.example/x.png" alt="a&quot; onerror=&quot;alert(1)" loading="lazy">'
		);
		expect(renderMarkdown('<https://a.example/"onmouseover="alert(1)>', { inline: true })).toContain(
			'href="https://a.example/%22onmouseover=%22alert(1)"'
		);
	});

	it('drops a code block language that could break out of the class attribute', () => {
		expect(renderMarkdown('```js" onmouseover="alert(1)\ncode\n```')).toBe('<pre><code>code\n</code></pre>\n');
	});

	it('does not configure the global marked instance', () => {
		renderMarkdown('<b>x</b>');
		expect(marked.parse('<b>x</b>', { async: false })).toBe('<p><b>x</b></p>\n');
	});
});

describe('the output checker itself', () => {
	it.each([
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'<p onclick="alert(1)">x</p>',
		'<a href="javascript:alert(1)">x</a>',
		'<a href="java&#x09;script:alert(1)">x</a>',
		'<a href=" JaVaScRiPt:alert(1)">x</a>',
		'<a href="data:text/html,x">x</a>',
		'<img src="/x.png" alt="">',
		'<a href="https://a.example" title="x" onmouseover="alert(1)">x</a>',
		'<a href="https://a.example"/onmouseover="alert(1)">x</a>',
		'<iframe src="https://a.example"></iframe>',
		'<svg>',
		'<!-- x -->',
		'<input type="checkbox">'
	])('rejects %j', (html) => {
		expect(() => assertSafe(html)).toThrow();
	});

	it('accepts escaped markup and quoted handler text', () => {
		assertSafe('<p>&lt;script&gt;</p><a href="https://a.example" title="a&quot; onmouseover=x" rel="nofollow">x</a>');
	});
});

describe('renderMarkdown: ordinary Markdown', () => {
	it('renders emphasis, strong, strikethrough and code spans', () => {
		expect(renderMarkdown('**bold** *em* ~~gone~~ `a < b`')).toBe(
			'<p><strong>bold</strong> <em>em</em> <del>gone</del> <code>a &lt; b</code></p>\n'
		);
	});

	it('renders lists', () => {
		expect(renderMarkdown('- one\n- **two**')).toBe('<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n');
		expect(renderMarkdown('3. three\n4. four')).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n');
	});

	it('renders task list items with characters, not form controls', () => {
		expect(renderMarkdown('- [ ] todo\n- [x] done')).toBe('<ul>\n<li>☐ todo</li>\n<li>☑ done</li>\n</ul>\n');
	});

	it('renders allowed links with rel', () => {
		const rel = 'rel="nofollow noopener noreferrer"';
		expect(renderMarkdown('[site](https://a.example/x?a=1&b=2)', { inline: true })).toBe(
			`<a href="https://a.example/x?a=1&amp;b=2" ${rel}>site</a>`
		);
		expect(renderMarkdown('[site](http://a.example)', { inline: true })).toBe(`<a href="http://a.example" ${rel}>site</a>`);
		expect(renderMarkdown('[mail](mailto:a@b.example)', { inline: true })).toBe(
			`<a href="mailto:a@b.example" ${rel}>mail</a>`
		);
		expect(renderMarkdown('[lesson](/courses/a/lessons/b)', { inline: true })).toBe(
			`<a href="/courses/a/lessons/b" ${rel}>lesson</a>`
		);
		expect(renderMarkdown('[top](#top)', { inline: true })).toBe(`<a href="#top" ${rel}>top</a>`);
		expect(renderMarkdown('[ref][r]\n\n[r]: https://a.example "T"')).toBe(
			`<p><a href="https://a.example" title="T" ${rel}>ref</a></p>\n`
		);
		expect(renderMarkdown('<https://a.example>', { inline: true })).toBe(
			`<a href="https://a.example" ${rel}>https://a.example</a>`
		);
		expect(renderMarkdown('see www.example.com', { inline: true })).toBe(
			`see <a href="http://www.example.com" ${rel}>www.example.com</a>`
		);
	});

	it('decodes character references in a destination once', () => {
		expect(renderMarkdown('[x](https://a.example/?a=1&amp;b=2)', { inline: true })).toContain(
			'href="https://a.example/?a=1&amp;b=2"'
		);
	});

	it('renders https images lazily', () => {
		expect(renderMarkdown('![A *chart*](https://a.example/c.png "Fig. 1")', { inline: true })).toBe(
			'<img src="https://a.example/c.png" alt="A chart" title="Fig. 1" loading="lazy">'
		);
	});

	it('renders fenced code with a language class', () => {
		expect(renderMarkdown('```ts\nconst a = "<b>";\n```')).toBe(
			'<pre><code class="language-ts">const a = &quot;&lt;b&gt;&quot;;\n</code></pre>\n'
		);
	});

	it('renders tables with alignment', () => {
		expect(renderMarkdown('| a | b |\n|:--|--:|\n| 1 | **2** |')).toBe(
			'<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n' +
				'<tbody><tr>\n<td align="left">1</td>\n<td align="right"><strong>2</strong></td>\n</tr>\n</tbody></table>\n'
		);
	});

	it('turns single newlines into line breaks', () => {
		expect(renderMarkdown('line one\nline two')).toBe('<p>line one<br>line two</p>\n');
		expect(renderMarkdown('a\n\nb')).toBe('<p>a</p>\n<p>b</p>\n');
	});

	it('renders headings and blockquotes', () => {
		expect(renderMarkdown('## Title\n\n> quoted')).toBe('<h2>Title</h2>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n');
	});

	it('keeps entities and escapes stray characters in text', () => {
		expect(renderMarkdown('AT&amp;T &copy; 1 < 2 & 3 > 2', { inline: true })).toBe(
			'AT&amp;T &copy; 1 &lt; 2 &amp; 3 &gt; 2'
		);
	});

	it('inline mode has no block structure', () => {
		expect(renderMarkdown('**Yes**, always', { inline: true })).toBe('<strong>Yes</strong>, always');
		expect(renderMarkdown('# not a heading', { inline: true })).toBe('# not a heading');
		expect(renderMarkdown('1. not a list', { inline: true })).toBe('1. not a list');
	});

	it('returns an empty string for empty input', () => {
		expect(renderMarkdown('')).toBe('');
		expect(renderMarkdown('', { inline: true })).toBe('');
	});

	it(`renders only the first ${MAX_MARKDOWN_LENGTH} characters, then an ellipsis`, () => {
		const html = renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH) + 'TAIL');
		expect(html).toBe(`<p>${'a'.repeat(MAX_MARKDOWN_LENGTH)}…</p>\n`);
		expect(renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH))).toBe(`<p>${'a'.repeat(MAX_MARKDOWN_LENGTH)}</p>\n`);
	});

	it('does not split a surrogate pair when truncating', () => {
		const html = renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH - 1) + '😀 tail', { inline: true });
		expect(html).toBe('a'.repeat(MAX_MARKDOWN_LENGTH - 1) + '…');
	});

	// Safety only, not speed: marked's emphasis lexing is superlinear (e.g. '_a'.repeat(10_000) takes seconds),
	// so those shapes are kept out of the unit tests.
	it('stays safe on long degenerate input', () => {
		for (const source of ['['.repeat(50_000), '<'.repeat(30_000), '[x]('.repeat(10_000), '!['.repeat(10_000), '<a '.repeat(8_000)]) {
			assertSafe(renderMarkdown(source));
			assertSafe(renderMarkdown(source, { inline: true }));
		}
	}, 30_000);
});

describe('markdownToPlainText', () => {
	it('strips formatting', () => {
		expect(markdownToPlainText('**Bold** and *em* and `code` and ~~del~~')).toBe('Bold and em and code and del');
	});

	it('keeps link text and image alt text, never URLs', () => {
		expect(markdownToPlainText('[the site](https://a.example) ![a chart](https://a.example/c.png)')).toBe(
			'the site a chart'
		);
		expect(markdownToPlainText('[x](javascript:alert(1))')).toBe('x');
	});

	it('separates blocks with blank lines and list items with newlines', () => {
		expect(markdownToPlainText('# Title\n\nPara one.\n\n- a\n- **b**\n\n```\ncode\n```')).toBe(
			'Title\n\nPara one.\n\na\nb\n\ncode'
		);
	});

	it('flattens tables', () => {
		expect(markdownToPlainText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b\n1 2');
	});

	it('leaves raw HTML as the literal text students see and decodes entities', () => {
		expect(markdownToPlainText('<b>hi</b> AT&amp;T &#60;x&#62;')).toBe('<b>hi</b> AT&T <x>');
	});

	it('supports inline mode', () => {
		expect(markdownToPlainText('1. *first*', { inline: true })).toBe('1. first');
		expect(markdownToPlainText('1. *first*')).toBe('first');
	});

	it('truncates like renderMarkdown', () => {
		expect(markdownToPlainText('b'.repeat(MAX_MARKDOWN_LENGTH + 5))).toBe('b'.repeat(MAX_MARKDOWN_LENGTH) + '…');
		expect(markdownToPlainText('')).toBe('');
	});
});
