// The Content-Security-Policy of every page type: script only from this origin and by the per-response nonce
// (never 'unsafe-inline' or 'unsafe-eval'), no plugins, no <base> hijack, no framing, forms only to this site; and
// every inline script in the HTML carries the header's nonce, which is fresh for every response.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { attr, tokenize } from '../helpers/html';
import { pageTypes } from '../helpers/page-types';
import type { TestServer } from '../helpers/server';
import { useWorld, type Actor, type World } from '../helpers/world';

let server: TestServer;
let world: World;
useWorld((s, w) => {
	server = s;
	world = w;
});

type Policy = Map<string, string[]>;

function parsePolicy(header: string): Policy {
	const policy: Policy = new Map();
	for (const part of header.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		// The first occurrence of a directive wins, as in browsers.
		if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), values);
	}
	return policy;
}

/** What is wrong with a page's policy, in words; [] when it is strict. */
function policyProblems(policy: Policy): string[] {
	const problems: string[] = [];
	const fallback = policy.get('default-src');
	const effective = (name: string) => policy.get(name) ?? fallback;
	const scripts = ['script-src', 'script-src-elem', 'script-src-attr'].filter((d) => policy.has(d)).map((d) => [d, policy.get(d)!] as const);
	if (!policy.has('script-src')) scripts.push(['script-src (default-src)', fallback ?? ["(missing: any script runs)"]]);
	for (const [name, values] of scripts) {
		for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:', 'filesystem:']) {
			if (values.includes(bad)) problems.push(`${name} allows ${bad}`);
		}
		if (values.some((v) => /^https?:\/\//.test(v) || v.startsWith('*.'))) problems.push(`${name} allows other hosts: ${values.join(' ')}`);
		const none = values.length === 1 && values[0] === "'none'";
		if (!none && !values.some((v) => /^'(nonce-[A-Za-z0-9+/_=-]{16,}|sha(256|384|512)-[A-Za-z0-9+/=]+)'$/.test(v))) {
			problems.push(`${name} uses neither a nonce nor hashes: ${values.join(' ')}`);
		}
	}
	const exactly = (name: string, value: string, values: string[] | undefined) => {
		if (!values || values.length !== 1 || values[0] !== value) problems.push(`${name} is ${values ? values.join(' ') : 'missing'}, expected ${value}`);
	};
	exactly('object-src', "'none'", effective('object-src'));
	exactly('frame-ancestors', "'none'", policy.get('frame-ancestors'));
	const base = policy.get('base-uri');
	if (!base || !(base.length === 1 && ["'self'", "'none'"].includes(base[0]))) problems.push(`base-uri is ${base?.join(' ') ?? 'missing'}, expected 'self' or 'none'`);
	exactly('form-action', "'self'", policy.get('form-action'));
	return problems;
}

const clientFor = (actor: Actor) => (actor === 'anonymous' ? new Client(server.url) : world.clients[actor]);

async function fetchPage(actor: Actor, path: string, init?: { method: 'POST'; fields: Record<string, string> }) {
	const client = clientFor(actor);
	const res = init ? await client.post(path, init.fields) : await client.get(path);
	return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type') ?? '', html: await res.text() };
}

/** Inline scripts without the header's nonce, and external scripts from anywhere but this site. */
function scriptProblems(html: string, policy: Policy): string[] {
	const nonces = (policy.get('script-src') ?? []).map((v) => /^'nonce-(.+)'$/.exec(v)?.[1]).filter(Boolean);
	const problems: string[] = [];
	const scripts = tokenize(html).tags.filter((t) => t.name === 'script');
	for (const script of scripts) {
		const src = attr(script, 'src');
		if (src !== undefined) {
			if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) problems.push(`external script from ${src}`);
		} else if (!nonces.includes(attr(script, 'nonce'))) {
			problems.push(`inline script without the nonce: ${(script.body ?? '').trim().slice(0, 80)}`);
		}
	}
	if (tokenize(html).tags.some((t) => t.name === 'meta' && (attr(t, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy')) {
		problems.push('a <meta> Content-Security-Policy (it cannot set frame-ancestors; the header must carry the policy)');
	}
	return problems;
}

describe('Content-Security-Policy', () => {
	it('covers every page type the accessibility test lists', () => {
		const source = readFileSync('tests/browser/accessibility.test.ts', 'utf8');
		const listed = [...source.matchAll(/\{\s*name:\s*'([^']+)',\s*as:/g)].map((m) => m[1]);
		expect(listed.length).toBeGreaterThan(20);
		const ours = new Set(pageTypes(world).map((p) => p.name));
		expect(listed.filter((name) => !ours.has(name)), 'add these to tests/helpers/page-types.ts').toEqual([]);
	});

	it('is strict on every page type, and every inline script carries its nonce', { timeout: 60_000 }, async () => {
		const failures: string[] = [];
		for (const { name, as, path, status } of pageTypes(world)) {
			const page = await fetchPage(as, path);
			expect(page.status, `${name} ${path}`).toBe(status);
			expect(page.type, `${name} ${path}`).toMatch(/^text\/html/);
			if (!page.csp) {
				failures.push(`${name} ${path}: no Content-Security-Policy header`);
				continue;
			}
			const policy = parsePolicy(page.csp);
			for (const p of [...policyProblems(policy), ...scriptProblems(page.html, policy)]) failures.push(`${name} ${path}: ${p}`);
			// SvelteKit's pages boot from an inline script, so the rendered pages must have one, nonce'd.
			if (status === 200 && !tokenize(page.html).tags.some((t) => t.name === 'script' && attr(t, 'nonce'))) failures.push(`${name} ${path}: no nonce'd boot script`);
		}
		expect(failures).toEqual([]);
	});

	it('is strict on pages rendered from a form action, on success and on a refused form', async () => {
		const w = world.ids;
		const failures: string[] = [];
		const posts: [Actor, string, Record<string, string>][] = [
			['anonymous', '/login', { email: 'nobody@example.org', password: 'wrong-password-1' }],
			['anonymous', '/register', { name: '', email: 'x', password: 'x' }],
			['student', '/account?/name', { name: 'Sam Student' }],
			['student', '/ledger?/add', { provider: '', title: '', earnedOn: '', hours: '', category: '', format: '' }],
			['anonymous', '/courses/science-of-massage/weighing-the-evidence?/check', { check: 'nope', answer: 'x' }],
			['instructor', `/instructor/quizzes/${w.quizA}/questions/${w.questionA}?/preview`, { type: 'single', text: 'Preview **me**', points: '1', 'r0.text': 'A', 'r0.weight': '100' }],
			['instructor', `/instructor/courses/${w.courseA}/import?/preview`, { source: '::Q::Is it? {T}', format: 'gift', target: 'bank' }],
			['admin', '/admin/certificates?/revoke', { certificateId: 'x', reason: '' }]
		];
		for (const [actor, path, fields] of posts) {
			const page = await fetchPage(actor, path, { method: 'POST', fields });
			expect([200, 400], `${actor} POST ${path}`).toContain(page.status);
			if (!page.csp) {
				failures.push(`POST ${path}: no Content-Security-Policy header`);
				continue;
			}
			const policy = parsePolicy(page.csp);
			for (const p of [...policyProblems(policy), ...scriptProblems(page.html, policy)]) failures.push(`POST ${path}: ${p}`);
		}
		expect(failures).toEqual([]);
	});

	it('uses a new nonce for every response', async () => {
		const nonces = new Set<string>();
		for (let i = 0; i < 5; i++) {
			const { csp } = await fetchPage('student', '/dashboard');
			const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
			expect(nonce, 'a nonce').toBeTruthy();
			expect(nonce!.length, 'at least 128 bits').toBeGreaterThanOrEqual(22);
			nonces.add(nonce!);
		}
		expect(nonces.size).toBe(5);
	});

	it('rejects a lax policy (the checks can fail)', () => {
		const lax = parsePolicy("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.example.org; base-uri *");
		expect(policyProblems(lax)).toEqual(
			expect.arrayContaining([
				"script-src allows 'unsafe-inline'",
				expect.stringMatching(/other hosts/),
				expect.stringMatching(/neither a nonce nor hashes/),
				expect.stringMatching(/^object-src/),
				expect.stringMatching(/^frame-ancestors is missing/),
				expect.stringMatching(/^base-uri/),
				expect.stringMatching(/^form-action is missing/)
			])
		);
		const policy = parsePolicy("script-src 'self' 'nonce-abcdefghijklmnopqrstuv'");
		expect(scriptProblems('<script nonce="abcdefghijklmnopqrstuv">ok()</script><script>evil()</script><script src="https://cdn.example.org/x.js"></script>', policy)).toEqual([
			'inline script without the nonce: evil()',
			'external script from https://cdn.example.org/x.js'
		]);
	});
});
