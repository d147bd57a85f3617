import GithubSlugger from 'github-slugger';

// Plain text from lesson Markdown, for word counts (CE hours) and the search index. Components and Markdown
// syntax are dropped; the words a student reads remain.

export function toPlainText(markdown: string): string {
	return markdown
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[A-Z][^>]*\/>/g, ' ')
		.replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s*\|?[\s:|-]*-{3,}[\s:|-]*\|?\s*$/gm, ' ') // table rules and horizontal rules
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, ' ') // headings, quotes and list markers
		.replace(/[*_`|~]+/g, ' ')
		.replace(/\s+/g, ' ')
		.replace(/ ([.,;:!?)])/g, '$1') // gaps left where a component stood before punctuation
		.trim();
}

export function countWords(markdown: string): number {
	return toPlainText(markdown)
		.split(' ')
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface Section {
	/** The heading's id in the rendered page (same slugs as rehype-slug). */
	id: string;
	heading: string;
	depth: number;
	text: string;
	/** Ids of the <Claim id="..." /> badges in this section, so the evidence map can link to the spot. */
	claims: string[];
}

/** Splits the body at headings. Text before the first heading becomes a section with an empty id. */
export function extractSections(markdown: string): Section[] {
	const slugger = new GithubSlugger();
	const sections: Section[] = [];
	let current: Section = { id: '', heading: '', depth: 1, text: '', claims: [] };
	let inFence = false;
	for (const line of markdown.split('\n')) {
		if (/^(```|~~~)/.test(line)) inFence = !inFence;
		const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) {
			sections.push(current);
			const title = toPlainText(heading[2]);
			current = { id: slugger.slug(title), heading: title, depth: heading[1].length, text: '', claims: [] };
		} else {
			current.text += line + '\n';
		}
	}
	sections.push(current);
	return sections
		.map((s) => ({ ...s, claims: extractClaims(s.text), text: toPlainText(s.text) }))
		.filter((s) => s.heading || s.text);
}

/** Keys of every <Cite key="..." /> in the body, in order of first use. */
export function extractCites(markdown: string): string[] {
	const keys = [...markdown.matchAll(/<Cite\s+key=["']([^"']+)["']\s*\/>/g)].map((m) => m[1]);
	return [...new Set(keys)];
}

const CLAIM_TAG = /<Claim\s+id=["']([^"']+)["']\s*\/>/g;

/** Ids of every <Claim id="..." /> in the body, in order of first use. */
export function extractClaims(markdown: string): string[] {
	return [...new Set([...markdown.matchAll(CLAIM_TAG)].map((m) => m[1]))];
}

/** The first <Claim ...> not written as <Claim id="..." /> (e.g. with content or a typo), or null. */
export function findMalformedClaim(markdown: string): string | null {
	const bad = [...markdown.matchAll(/<Claim\b[^>]*>/g)].find((m) => !new RegExp(CLAIM_TAG.source).test(m[0]));
	return bad ? bad[0] : null;
}

/**
 * Citation keys in order of first use, where a <Claim /> badge cites its registry sources at that spot; this
 * order numbers the lesson's reference list.
 */
export function extractCitationOrder(markdown: string, sourcesOf: (claimId: string) => string[]): string[] {
	const keys: string[] = [];
	for (const m of markdown.matchAll(/<Cite\s+key=["']([^"']+)["']\s*\/>|<Claim\s+id=["']([^"']+)["']\s*\/>/g)) {
		keys.push(...(m[1] ? [m[1]] : sourcesOf(m[2])));
	}
	return [...new Set(keys)];
}

/** Ids of every <KnowledgeCheck id="..." /> in the body. */
export function extractKnowledgeChecks(markdown: string): string[] {
	return [...markdown.matchAll(/<KnowledgeCheck\s+id=["']([^"']+)["']\s*\/>/g)].map((m) => m[1]);
}

/** Trial ids of every <TrialAppraisal trial="..." /> in the body, in order. */
export function extractTrialAppraisals(markdown: string): string[] {
	return [...markdown.matchAll(/<TrialAppraisal\s+trial=["']([^"']+)["']\s*\/>/g)].map((m) => m[1]);
}
