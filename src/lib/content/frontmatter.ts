import { parse } from 'yaml';
import { ContentError } from './errors';

/** Splits a Markdown file into its YAML frontmatter (parsed) and body. */
export function splitFrontmatter(file: string, raw: string): { data: unknown; body: string } {
	const source = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
	const match = /^---\n([\s\S]*?)\n---\n?/.exec(source);
	if (!match) throw new ContentError(file, 'missing frontmatter (a block between --- lines at the top)');
	try {
		return { data: parse(match[1]) ?? {}, body: source.slice(match[0].length) };
	} catch (e) {
		throw new ContentError(file, `frontmatter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
	}
}
