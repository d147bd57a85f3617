import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { rosterCsv, rosterFor, rosterXls, selectedRows } from '$lib/server/reporting/export';
import { exportFormatSchema, rowKeysSchema } from '$lib/validation/reporting';
import type { RequestHandler } from './$types';

/**
 * The selected completions in CE Broker's roster format. Refused as a whole (422, naming every row and what it
 * lacks) when a row misses a licence number or a code: a partial roster is never written. Exporting does not mark
 * anything reported; the admin does that after the upload succeeded.
 */
export const POST: RequestHandler = async ({ request }) => {
	await requireAdmin();
	const form = await request.formData().catch(() => null);
	const keys = rowKeysSchema.safeParse(form?.getAll('row'));
	const format = exportFormatSchema.safeParse(form?.get('format'));
	if (!keys.success) error(400, keys.error.issues[0].message);
	if (!format.success) error(400, format.error.issues[0].message);
	const rows = await selectedRows(keys.data);
	if (rows.length === 0) error(400, 'None of the selected completions is on the queue any more.');
	const roster = await rosterFor(rows);
	if (!roster.ok)
		return new Response(`Nothing was exported. Fix these completions first:\n${roster.problems.join('\n')}\n`, {
			status: 422,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	// A roster that repeats completions already reported says so in its name, so it is not uploaded twice by mistake.
	const again = rows.some((r) => r.status === 'reported') ? '-includes-reported' : '';
	const name = `ce-broker-roster-${new Date().toISOString().slice(0, 10)}${again}`;
	const body = format.data === 'xls' ? rosterXls(roster.rows) : rosterCsv(roster.rows);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': format.data === 'xls' ? 'application/vnd.ms-excel' : 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}.${format.data}"`,
			'cache-control': 'no-store'
		}
	});
};
