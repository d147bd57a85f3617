import { fail } from '@sveltejs/kit';
import { jurisdictions, professions } from '$lib/compliance/jurisdictions';
import { requireAdmin } from '$lib/server/auth/guards';
import { catalog } from '$lib/server/content/catalog';
import { codeKey, listReportingCodes, saveReportingCodes, type CodeKind } from '$lib/server/reporting/codes';
import { markReported, selectedRows } from '$lib/server/reporting/export';
import { reportingQueue } from '$lib/server/reporting/queue';
import { codeValueSchema, readQueueFilter, rowKeysSchema } from '$lib/validation/reporting';
import type { Actions, PageServerLoad } from './$types';

const reporting = jurisdictions.filter((j) => j.reporting);

/** Every code an admin can enter: a profession code per reporting jurisdiction and profession, a course number per course. */
function codeFields() {
	return reporting.flatMap((j) => [
		...professions.map((p) => ({ kind: 'profession' as CodeKind, key: codeKey(j.id, p.id), label: `${j.name}: profession code for ${p.label.toLowerCase()}` })),
		...catalog.courses.map((c) => ({ kind: 'course' as CodeKind, key: codeKey(j.id, c.slug), label: `${j.name}: CE Broker course number for “${c.title}”` }))
	]);
}

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const filter = readQueueFilter(url.searchParams);
	const [queue, codes] = await Promise.all([reportingQueue(filter), listReportingCodes()]);
	return {
		filter: { status: filter.status ?? '', jurisdiction: filter.jurisdiction ?? '', course: filter.course ?? '' },
		queue,
		jurisdictions: reporting.map((j) => ({ id: j.id, name: j.name, days: j.reporting!.days, consent: j.reporting!.consentRequired, source: j.reporting!.source })),
		courses: catalog.courses.map((c) => ({ slug: c.slug, title: c.title })),
		codes: codeFields().map((f) => ({ ...f, name: `${f.kind}|${f.key}`, value: codes.get(`${f.kind}|${f.key}`) ?? '' }))
	};
};

export const actions: Actions = {
	mark: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await request.formData().catch(() => null);
		const keys = rowKeysSchema.safeParse(form?.getAll('row'));
		if (!keys.success) return fail(400, { mark: { message: keys.error.issues[0].message } });
		const rows = await selectedRows(keys.data);
		if (rows.length === 0) return fail(400, { mark: { message: 'None of the selected completions is on the queue any more.' } });
		const { batch, marked } = await markReported(admin.id, rows);
		const again = rows.length - marked;
		return { mark: { success: `Batch ${batch}: ${marked} marked reported${again ? `; ${again} already reported keep their first batch` : ''}.` } };
	},
	codes: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await request.formData().catch(() => null);
		const entries = [];
		for (const field of codeFields()) {
			const parsed = codeValueSchema.safeParse(String(form?.get(`${field.kind}|${field.key}`) ?? ''));
			if (!parsed.success) return fail(400, { codes: { message: `${field.label}: ${parsed.error.issues[0].message}` } });
			entries.push({ kind: field.kind, key: field.key, value: parsed.data });
		}
		const changed = await saveReportingCodes(admin.id, entries);
		return { codes: { success: changed ? `Saved ${changed} ${changed === 1 ? 'code' : 'codes'}.` : 'Nothing changed.' } };
	}
};
