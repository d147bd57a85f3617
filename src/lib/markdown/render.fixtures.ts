// Shared by render*.test.ts: an output checker that fails on any tag, attribute or URL outside a small allow-list,
// and the hostile Markdown it is run on.
import { expect } from 'vitest';

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

export function assertSafe(html: string): void {
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

export const PAYLOADS: string[] = [
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
