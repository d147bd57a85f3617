import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface RouteEntry {
	route: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	action?: string;
}

/** Top-level keys of the object literal exported as `actions` in a +page.server.ts. */
function actionNames(source: string): string[] {
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	const open = source.indexOf('{', start);
	let depth = 0;
	let end = open;
	for (; end < source.length; end++) {
		if (source[end] === '{') depth++;
		else if (source[end] === '}' && --depth === 0) break;
	}
	// Comments between actions would otherwise read as part of a name.
	const body = source
		.slice(open + 1, end)
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
	const names: string[] = [];
	depth = 0;
	let token = '';
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if ('{([' .includes(c)) depth++;
		else if ('})]'.includes(c)) depth--;
		if (depth === 0) {
			token += c;
			const m = /^\s*([A-Za-z_$][\w$]*)\s*(?::|,|$)/.exec(token);
			if (c === ',' || i === body.length - 1) {
				if (m) names.push(m[1]);
				token = '';
			}
		}
	}
	return [...new Set(names)];
}

/** Every page, endpoint method and form action in src/routes, by SvelteKit route id. */
export function listRoutes(root = 'src/routes'): RouteEntry[] {
	const entries: RouteEntry[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const id = '/' + relative(root, dir).split(sep).join('/');
		const route = id === '/' ? '/' : id;
		if (files.includes('+page.svelte') || files.includes('+page.server.ts')) entries.push({ route, method: 'GET' });
		if (files.includes('+page.server.ts')) {
			for (const action of actionNames(readFileSync(join(dir, '+page.server.ts'), 'utf8'))) entries.push({ route, method: 'POST', action });
		}
		if (files.includes('+server.ts')) {
			const source = readFileSync(join(dir, '+server.ts'), 'utf8');
			for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) {
				entries.push({ route, method: m[1] as RouteEntry['method'] });
			}
		}
		for (const f of files) if (statSync(join(dir, f)).isDirectory()) walk(join(dir, f));
	};
	walk(root);
	return entries;
}
