import { getContext, type Component } from 'svelte';
import { render } from 'svelte/server';

// Server only (imported under import.meta.env.SSR). A lesson body is a 2,500-word mdsvex component that changes
// only with a deploy, yet rendering it was most of a lesson request's CPU. Its output depends on the request in
// just two ways: an action's result (page.form: a graded knowledge check or appraisal) and which trials the
// student has already appraised. So it is rendered once per process for each set of appraised trials, with the
// hydration markers Svelte puts in, and the page pushes those exact bytes: the browser hydrates it as before, so
// the no-JavaScript forms, CSP nonce (the body has no scripts) and accessibility are unchanged. A form response
// renders afresh. Any new lesson component that reads other per-request state must join the cache key.

type RequestContext = { page: { data: Record<string, unknown>; form: unknown } };
type ServerRenderer = { push(html: string): void };

const OPEN = '<!--[-->';
const CLOSE = '<!--]-->';
// Keyed by the compiled component too, so a changed lesson in development is never served stale.
const cache = new WeakMap<Component, Map<string, string>>();

/** The lesson body as a component that renders from the per-process cache whenever the request allows it. */
export function cachedBody(Body: Component): Component {
	const compiled = Body as unknown as (renderer: ServerRenderer, props: Record<string, unknown>) => void;
	const cached = (renderer: ServerRenderer, props: Record<string, unknown>) => {
		const request = getContext<RequestContext | undefined>('__request__');
		if (!request || request.page.form) return compiled(renderer, props);
		const key = JSON.stringify(request.page.data.appraisalsSubmitted ?? null);
		let variants = cache.get(Body);
		if (!variants) cache.set(Body, (variants = new Map()));
		let html = variants.get(key);
		if (html === undefined) {
			const { body } = render(Body, { props, context: new Map([['__request__', { page: request.page }]]) });
			// render() wraps the component in one block; inside the page the call site supplies its own markers.
			if (!body.startsWith(OPEN) || !body.endsWith(CLOSE)) return compiled(renderer, props);
			html = body.slice(OPEN.length, -CLOSE.length);
			variants.set(key, html);
		}
		renderer.push(html);
	};
	return cached as unknown as Component;
}
