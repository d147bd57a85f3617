import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { searchCertificates } from '$lib/server/certification/certificates';
import { CertificateActionError, reissueCertificate, revokeCertificate } from '$lib/server/certification/revoke';
import { echo, readForm } from '$lib/server/forms';
import { reissueSchema, revokeSchema } from '$lib/validation/certification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireAdmin();
	const q = (url.searchParams.get('q') ?? '').slice(0, 254);
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
	const result = await searchCertificates(q, page);
	return {
		q,
		page,
		total: result.total,
		pageSize: result.pageSize,
		rows: result.rows.map((c) => ({
			id: c.id,
			code: c.code,
			status: c.status,
			holderName: c.holderName,
			holderEmail: c.holderEmail,
			trackTitle: c.trackTitle,
			issuedAt: c.issuedAt,
			expiresAt: c.expiresAt,
			revokedAt: c.revokedAt,
			revokedReason: c.revokedReason,
			replacedById: c.replacedById
		}))
	};
};

async function run<T>(action: () => Promise<T>) {
	try {
		return { ok: true as const, value: await action() };
	} catch (e) {
		if (e instanceof CertificateActionError) return { ok: false as const, status: e.status, message: e.message };
		throw e;
	}
}

export const actions: Actions = {
	revoke: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await readForm(request, revokeSchema);
		if (!form.ok) return fail(400, { message: form.message, ...echo(form.values, 'certificateId', 'reason') });
		const result = await run(() => revokeCertificate(admin.id, form.data.certificateId, form.data.reason));
		if (!result.ok) return fail(result.status, { message: result.message });
		return { success: `Certificate ${result.value.code} is revoked. The verification page shows it at once.` };
	},
	reissue: async ({ request }) => {
		const admin = await requireAdmin();
		const form = await readForm(request, reissueSchema);
		if (!form.ok) return fail(400, { message: form.message });
		const result = await run(() => reissueCertificate(admin.id, form.data.certificateId));
		if (!result.ok) return fail(result.status, { message: result.message });
		return { success: `Reissued as ${result.value.code}; the old certificate is revoked with the reason “Reissued”.` };
	}
};
