// renderMarkdown on hostile input, and the output checker that judges it (see render.fixtures.ts).
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';
import { assertSafe, PAYLOADS } from './render.fixtures';

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
