/** A small HTTP client with a cookie jar, for driving the server like a browser without JavaScript would. */
export class Client {
	private cookies = new Map<string, string>();
	constructor(readonly base: string) {}

	cookie(name: string): string | undefined {
		return this.cookies.get(name);
	}

	setCookie(name: string, value: string): void {
		this.cookies.set(name, value);
	}

	clearCookies(): void {
		this.cookies.clear();
	}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		// A browser navigating or posting a form asks for HTML; SvelteKit answers */* with JSON action results.
		if (!headers.has('accept')) headers.set('accept', 'text/html,application/xhtml+xml');
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attrs] = line.split(';');
			const [name, ...rest] = pair.split('=');
			const value = rest.join('=');
			const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
			if (expired) this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value);
		}
		return res;
	}

	get(path: string): Promise<Response> {
		return this.request(path);
	}

	/** Posts a urlencoded form as a same-origin browser would (SvelteKit checks the Origin header). */
	post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
		return this.request(path, {
			method: 'POST',
			body,
			headers: { origin: this.base, 'content-type': 'application/x-www-form-urlencoded', ...headers }
		});
	}

	async text(path: string): Promise<string> {
		return (await this.get(path)).text();
	}
}

let counter = 0;
export function uniqueEmail(prefix = 'student'): string {
	return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.org`;
}

export const STRONG_PASSWORD = 'quiet-harbour-lantern-47';

export async function registerUser(client: Client, name = 'Test Student', email = uniqueEmail()): Promise<{ email: string; name: string }> {
	const res = await client.post('/register', { name, email, password: STRONG_PASSWORD });
	if (res.status !== 303) throw new Error(`register failed: ${res.status} ${await res.text()}`);
	return { email, name };
}

export async function logIn(client: Client, email: string, password = STRONG_PASSWORD): Promise<Response> {
	return client.post('/login', { email, password });
}
