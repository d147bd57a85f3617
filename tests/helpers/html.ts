// A small HTML tokenizer for tests that must see markup the way a browser does: tags with their attributes
// (quoted, unquoted, entity-decoded), raw-text elements (script, style) and escapable raw text (title, textarea)
// read to their end tag, comments skipped. Not a full HTML5 parser, but it never mistakes text for a tag or a tag
// for text, which is what checks for injected script need.

export interface Tag {
	name: string;
	attrs: [string, string][];
	/** For script/style/title/textarea: the text up to the end tag. */
	body?: string;
	offset: number;
}

const NAMED: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', Tab: '\t', NewLine: '\n',
	lpar: '(', rpar: ')', sol: '/', bsol: '\\', period: '.', comma: ',', semi: ';', equals: '=', excl: '!', num: '#'
};

/** Decodes character references as a browser does in text and attribute values (the common named ones). */
export function decodeEntities(value: string): string {
	return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z]+));?/g, (match, dec?: string, hex?: string, name?: string) => {
		if (name !== undefined) return NAMED[name] ?? match;
		const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
	});
}

const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const RCDATA = new Set(['title', 'textarea']);

export function tokenize(html: string): { tags: Tag[]; text: string } {
	const tags: Tag[] = [];
	const text: string[] = [];
	let i = 0;
	const n = html.length;
	while (i < n) {
		const lt = html.indexOf('<', i);
		if (lt < 0) {
			text.push(decodeEntities(html.slice(i)));
			break;
		}
		text.push(decodeEntities(html.slice(i, lt)));
		i = lt;
		if (html.startsWith('<!--', i)) {
			const end = html.indexOf('-->', i + 4);
			i = end < 0 ? n : end + 3;
			continue;
		}
		if (html[i + 1] === '!' || html[i + 1] === '?') {
			const end = html.indexOf('>', i);
			i = end < 0 ? n : end + 1;
			continue;
		}
		if (html[i + 1] === '/' && /[A-Za-z]/.test(html[i + 2] ?? '')) {
			const end = html.indexOf('>', i);
			i = end < 0 ? n : end + 1;
			continue;
		}
		if (!/[A-Za-z]/.test(html[i + 1] ?? '')) {
			text.push('<');
			i++;
			continue;
		}
		// A start tag.
		let j = i + 1;
		while (j < n && !/[\s/>]/.test(html[j])) j++;
		const name = html.slice(i + 1, j).toLowerCase();
		const attrs: [string, string][] = [];
		for (;;) {
			while (j < n && /[\s/]/.test(html[j])) j++;
			if (j >= n || html[j] === '>') break;
			let k = j + 1; // the first character of a name may be anything but whitespace, / and >
			while (k < n && !/[\s/>=]/.test(html[k])) k++;
			const attr = html.slice(j, k).toLowerCase();
			j = k;
			while (j < n && /\s/.test(html[j])) j++;
			let value = '';
			if (html[j] === '=') {
				j++;
				while (j < n && /\s/.test(html[j])) j++;
				const quote = html[j];
				if (quote === '"' || quote === "'") {
					const end = html.indexOf(quote, j + 1);
					value = html.slice(j + 1, end < 0 ? n : end);
					j = end < 0 ? n : end + 1;
				} else {
					let e = j;
					while (e < n && !/[\s>]/.test(html[e])) e++;
					value = html.slice(j, e);
					j = e;
				}
			}
			attrs.push([attr, decodeEntities(value)]);
		}
		i = j + 1;
		const tag: Tag = { name, attrs, offset: lt };
		if (RAW_TEXT.has(name) || RCDATA.has(name)) {
			const close = new RegExp(`</${name}[\\s/>]`, 'i');
			const m = close.exec(html.slice(i));
			const end = m ? i + m.index : n;
			tag.body = html.slice(i, end);
			if (RCDATA.has(name)) text.push(decodeEntities(tag.body));
			const gt = html.indexOf('>', end);
			i = gt < 0 ? n : gt + 1;
		}
		tags.push(tag);
	}
	return { tags, text: text.join('') };
}

export const attr = (tag: Tag, name: string) => tag.attrs.find(([k]) => k === name)?.[1];

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'ping', 'srcset', 'codebase', 'manifest', 'lowsrc', 'dynsrc']);

/** A URL that runs script when followed, as the browser reads it (tab/newline anywhere, controls around it ignored). */
export function isScriptUrl(value: string): boolean {
	const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '').toLowerCase();
	return /^(?:javascript|vbscript|livescript):/.test(cleaned) || /^data:text\/html/.test(cleaned);
}

/**
 * Markup that would run script in a browser, other than the page's own nonce'd scripts: a <script> without the
 * nonce, any on* event-handler attribute, a javascript: (or vbscript:) URL in a URL attribute, and elements that
 * embed or re-base content (iframe, object, embed, base, meta refresh).
 */
export function findScriptInjection(html: string, nonce: string | null): string[] {
	const problems: string[] = [];
	const around = (offset: number) => html.slice(Math.max(0, offset - 40), offset + 120).replace(/\s+/g, ' ');
	for (const tag of tokenize(html).tags) {
		if (tag.name === 'script') {
			const type = attr(tag, 'type');
			const inert = type === 'application/json' || type === 'application/ld+json';
			if (!inert && (nonce === null || attr(tag, 'nonce') !== nonce)) problems.push(`<script> without the page nonce: ${around(tag.offset)}`);
		}
		if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset'].includes(tag.name)) problems.push(`<${tag.name}>: ${around(tag.offset)}`);
		if (tag.name === 'meta' && (attr(tag, 'http-equiv') ?? '').toLowerCase() === 'refresh') problems.push(`<meta refresh>: ${around(tag.offset)}`);
		for (const [name, value] of tag.attrs) {
			if (name.startsWith('on')) problems.push(`${name}= on <${tag.name}>: ${around(tag.offset)}`);
			if ((URL_ATTRIBUTES.has(name) || name === 'content') && isScriptUrl(value)) problems.push(`${name}="${value}" on <${tag.name}>: ${around(tag.offset)}`);
			if (name === 'srcset' && value.split(',').some((part) => isScriptUrl(part.trim()))) problems.push(`srcset with a script URL: ${around(tag.offset)}`);
		}
	}
	return problems;
}

/** The nonce in a Content-Security-Policy's script-src, or null. */
export function scriptNonce(csp: string | null): string | null {
	const scriptSrc = (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
	return /'nonce-([^']+)'/.exec(scriptSrc ?? '')?.[1] ?? null;
}

/** Text a person can see or edit on the page (text, title and textarea content, attribute values), script excluded. */
export function visibleText(html: string): string {
	const { tags, text } = tokenize(html);
	return [text, ...tags.filter((t) => t.name !== 'script' && t.name !== 'style').flatMap((t) => t.attrs.map(([, v]) => v))].join('\n');
}

/**
 * The fields a browser would submit for the form whose action attribute is `action` (exactly, e.g. "?/save"; ""
 * for a form without one): inputs by type (checked boxes and radios only), textareas, each select's selected option.
 */
export function formFields(html: string, action: string): [string, string][] {
	const { tags } = tokenize(html);
	const fields: [string, string][] = [];
	let inForm = false;
	let select: { name: string; first: string | null; chosen: string | null } | null = null;
	const endSelect = () => {
		if (select) {
			const value = select.chosen ?? select.first;
			if (value !== null) fields.push([select.name, value]);
		}
		select = null;
	};
	// End tags are not tokens here, so a form ends where the next form starts.
	for (const tag of tags) {
		if (tag.name === 'form') {
			endSelect();
			inForm = (attr(tag, 'action') ?? '') === action;
			continue;
		}
		if (!inForm) continue;
		const name = attr(tag, 'name');
		if (tag.name === 'option' && select) {
			const value = attr(tag, 'value') ?? '';
			if (select.first === null && attr(tag, 'disabled') === undefined) select.first = value;
			if (attr(tag, 'selected') !== undefined) select.chosen = value;
			continue;
		}
		if (tag.name === 'datalist') {
			endSelect();
			continue;
		}
		if (tag.name === 'select') {
			endSelect();
			if (name) select = { name, first: null, chosen: null };
			continue;
		}
		if (!name || attr(tag, 'disabled') !== undefined) continue;
		if (tag.name === 'textarea') {
			endSelect();
			fields.push([name, decodeEntities((tag.body ?? '').replace(/^\n/, ''))]);
		} else if (tag.name === 'input') {
			endSelect();
			const type = (attr(tag, 'type') ?? 'text').toLowerCase();
			if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
			if ((type === 'checkbox' || type === 'radio') && attr(tag, 'checked') === undefined) continue;
			fields.push([name, attr(tag, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
		}
	}
	endSelect();
	return fields;
}

/** Every form-control name on the page. */
export function controlNames(html: string): string[] {
	const names = new Set<string>();
	for (const tag of tokenize(html).tags) {
		const name = attr(tag, 'name');
		if (name && ['input', 'textarea', 'select', 'button'].includes(tag.name)) names.add(name);
	}
	return [...names];
}
