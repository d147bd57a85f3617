import { browser } from '$app/environment';
import { lessonHtmlMarkers } from '$lib/content/lesson-html-markers';
import type { PageLoad } from './$types';

// On the server the page renders markers where the lesson's static HTML goes, and the response gets the HTML,
// cached once per process, in their place (src/hooks/lesson-html.ts). In the browser the HTML is null when
// hydrating (the page keeps the server's nodes) and comes in the data on a navigation.
export const load: PageLoad = ({ data }) => ({
	...data,
	body: { ...data.body, html: data.body.html ?? (browser ? null : lessonHtmlMarkers(data.body.islands.length)) }
});
