import { describe, expect, it } from 'vitest';
import { parseClassQuery } from './class-query';

const parse = (query: string) => parseClassQuery(new URLSearchParams(query));

describe('parseClassQuery', () => {
	it('defaults to names A to Z, page 1', () => {
		expect(parse('')).toEqual({ q: '', sort: 'name', dir: 'asc', page: 1 });
	});

	it('puts the most first when sorting by a measure unless told otherwise', () => {
		expect(parse('sort=activity')).toMatchObject({ sort: 'activity', dir: 'desc' });
		expect(parse('sort=lessons&dir=asc')).toMatchObject({ sort: 'lessons', dir: 'asc' });
	});

	it('falls back to defaults for unknown or hostile values', () => {
		expect(parse('sort=password&dir=sideways&page=-3')).toEqual({ q: '', sort: 'name', dir: 'asc', page: 1 });
		expect(parse('page=2.7').page).toBe(2);
		expect(parse('page=1e9').page).toBe(100_000);
		expect(parse('q=%20%20ada%20').q).toBe('ada');
	});
});
