// Where to send someone after logging in or registering: the page they came from, but only ever a page of this
// site. Pure, so it is unit tested on its own.

const BASE = 'http://same-site.invalid';

/**
 * `target` as a path of this site ("/path?query#hash"), or `fallback`. The target is resolved the way a browser
 * resolves a Location header (tabs and line breaks dropped, "\" read as "/"), so "//evil.example",
 * "/\evil.example" and "/\t/evil.example" are all refused; the result is percent-encoded, so control and non-ASCII
 * characters can never make an invalid header.
 */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/')) return fallback;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const path = url.pathname + url.search + url.hash;
	// Belt and braces: what is returned is a plain, header-safe, same-site path.
	return /^\/(?![/\\])[\x21-\x7e]*$/.test(path) ? path : fallback;
}
