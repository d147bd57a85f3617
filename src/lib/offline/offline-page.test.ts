import { describe, expect, it } from 'vitest';
import { OFFLINE_PAGE_CSP, offlinePageHtml, titleOf } from './offline-page';

describe('the offline page', () => {
	it('lists the kept lessons as links, escaped, and names the page that is not kept', () => {
		const html = offlinePageHtml(
			[
				{ href: '/courses/b/two', title: 'Pain & <context>' },
				{ href: '/courses/a/one', title: 'Lactate' }
			],
			'/dashboard'
		);
		expect(html).toContain('<h1>You are offline</h1>');
		expect(html).toContain('<a href="/courses/b/two">Pain &amp; &lt;context&gt;</a>');
		expect(html.indexOf('/courses/a/one')).toBeLessThan(html.indexOf('/courses/b/two'));
		expect(html).toContain('(/dashboard)');
		expect(html).not.toContain('<script');
	});

	it('says how to keep lessons when none are kept', () => {
		expect(offlinePageHtml([], '/')).toContain('Keep this course for offline reading');
	});

	it("reads a kept page's title without the site name", () => {
		expect(titleOf('<head><title>Lactate &amp; toxins · Science · Touchstone</title>', 'x')).toBe('Lactate & toxins · Science');
		expect(titleOf('<p>no title</p>', '/courses/a/b')).toBe('/courses/a/b');
	});

	it('is served under a policy that lets no script run and no form post', () => {
		expect(OFFLINE_PAGE_CSP).toContain("default-src 'none'");
		expect(OFFLINE_PAGE_CSP).toContain("form-action 'none'");
		expect(OFFLINE_PAGE_CSP).not.toContain('script-src');
	});
});
