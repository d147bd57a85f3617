import { describe, expect, it } from 'vitest';
import { readFormFields } from './forms';

const post = (body: BodyInit, headers?: Record<string, string>) => new Request('http://localhost/', { method: 'POST', body, headers });

describe('readFormFields', () => {
	it('reads a URL-encoded form: repeated names become a list, text is decoded', async () => {
		const body = new URLSearchParams([['q0', 'a'], ['q1', 'x'], ['q1', 'y'], ['note', 'café & +1 ✓']]);
		expect(await readFormFields(post(body))).toEqual({ q0: 'a', q1: ['x', 'y'], note: 'café & +1 ✓' });
	});

	it('reads a multipart form the same way and skips files', async () => {
		const form = new FormData();
		form.append('q1', 'x');
		form.append('q1', 'y');
		form.append('upload', new Blob(['data']), 'a.txt');
		expect(await readFormFields(post(form))).toEqual({ q1: ['x', 'y'] });
	});

	it('gives {} for a body that is not a form', async () => {
		expect(await readFormFields(post('not a form', { 'content-type': 'multipart/form-data; boundary=x' }))).toEqual({});
	});
});
