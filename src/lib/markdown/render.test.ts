// renderMarkdown and markdownToPlainText on ordinary Markdown: what instructors write renders as they expect.
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_LENGTH, markdownToPlainText, renderMarkdown } from './render';
import { assertSafe } from './render.fixtures';

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
