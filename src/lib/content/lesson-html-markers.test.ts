import { describe, expect, it } from 'vitest';
import { balanced, lessonHtmlMarkers, MARKER } from './lesson-html-markers';

describe('lesson HTML markers', () => {
	it('stand for one more part than there are islands, then the references, each found once', () => {
		const markers = lessonHtmlMarkers(2);
		expect(markers.parts).toHaveLength(3);
		const page = `<p>${markers.parts.join('<aside></aside>')}</p>${markers.references}`;
		expect([...page.matchAll(MARKER)].map((m) => Number(m[1]))).toEqual([0, 1, 2, 3]);
	});

	it('tell whether a static part leaves an element open around an island', () => {
		expect(balanced('<h2 id="a">A</h2>\n<p>Text <sup class="cite"><a href="#ref-x">[1]</a></sup><br>.</p><svg><path d="M0" /></svg>')).toBe(true);
		expect(balanced('<p>Text before an island')).toBe(false);
		expect(balanced('</p><p>')).toBe(false);
	});
});
