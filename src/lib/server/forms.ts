import type { z } from 'zod';

export type FormResult<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; message: string; field?: string; values: Record<string, string> };

/**
 * Reads a posted form and validates it with a schema. values echoes what was typed (strings only; repeated
 * fields keep the first) so the page can re-render it; callers never echo passwords.
 */
export async function readForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.infer<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, message: 'The form could not be read. Please try again.', values: {} };
	}
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !(key in values)) values[key] = value;
	}
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data, values };
	const issue = parsed.error.issues[0];
	return { ok: false, message: issue.message, field: issue.path.join('.'), values };
}

/** Drops fields that must never travel back to the browser. */
export function echo<K extends string>(values: Record<string, string>, ...keep: K[]): { [P in K]: string } {
	return Object.fromEntries(keep.map((k) => [k, values[k] ?? ''])) as { [P in K]: string };
}

/** Every string field of a posted form; a repeated name (checkboxes) becomes a list. Unreadable bodies give {}. */
export async function readFormFields(request: Request): Promise<Record<string, string | string[]>> {
	const data = await formEntries(request).catch(() => null);
	const fields: Record<string, string | string[]> = {};
	if (!data) return fields;
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		const existing = fields[key];
		fields[key] = existing === undefined ? value : [...[existing].flat(), value];
	}
	return fields;
}

/**
 * A form's entries. A form without files arrives URL-encoded, and parsing its text directly skips the multipart
 * machinery of formData() (a measurable share of a quiz submission's CPU); the entries are the same.
 */
async function formEntries(request: Request): Promise<Iterable<[string, FormDataEntryValue]>> {
	if (request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(await request.text());
	return request.formData();
}
