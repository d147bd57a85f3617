import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

describe('safeRedirectTarget', () => {
	it('keeps paths of this site, with their query and fragment', () => {
		expect(safeRedirectTarget('/courses/science-of-massage', '/d')).toBe('/courses/science-of-massage');
		expect(safeRedirectTarget('/tracks/x?tab=1#top', '/d')).toBe('/tracks/x?tab=1#top');
		expect(safeRedirectTarget('/review', '/d')).toBe('/review');
	});

	it('refuses other sites however they are spelled, as a browser would read the Location header', () => {
		for (const target of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '\\/evil.example', 'https://evil.example', 'javascript:alert(1)', ' /x', '', null, undefined]) {
			expect(safeRedirectTarget(target, '/dashboard'), JSON.stringify(target)).toBe('/dashboard');
		}
	});

	it('never returns characters that cannot be sent in a header', () => {
		for (const target of ['/dash\u0000board', '/\u3000/x', '/caf\u00e9', '/a b', '/a\u202Eb', '/x?q=\u0007']) {
			const result = safeRedirectTarget(target, '/dashboard');
			expect(result, JSON.stringify(target)).toMatch(/^\/[\x21-\x7e]*$/);
			expect(result.startsWith('//')).toBe(false);
		}
		expect(safeRedirectTarget('/caf\u00e9', '/d')).toBe('/caf%C3%A9');
	});
});
