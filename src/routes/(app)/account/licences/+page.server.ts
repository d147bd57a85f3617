import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { findJurisdiction, jurisdictions, professions } from '$lib/compliance/jurisdictions';
import { licenceFormSchema } from '$lib/compliance/licence-rules';
import { requireUser } from '$lib/server/auth/guards';
import { echo, readForm } from '$lib/server/forms';
import { addLicence, licenceHistory, listLicences, LicenceError, removeLicence, updateLicence } from '$lib/server/licences/licences';
import type { Actions, PageServerLoad } from './$types';

const licenceId = z.coerce.number({ error: 'Choose a licence.' }).int().positive('Choose a licence.');
const editSchema = licenceFormSchema.and(z.object({ licenceId }));
const removeSchema = z.object({ licenceId });

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const [licences, history] = await Promise.all([listLicences(user.id), licenceHistory(user.id)]);
	return {
		licences: licences.map((l) => ({ ...l, jurisdictionName: findJurisdiction(l.jurisdiction)?.name ?? l.jurisdiction })),
		history: history.map((h) => ({ id: h.id, licenceId: h.licenceId, version: h.version, number: h.number, profession: h.profession, reportConsent: h.reportConsent, createdAt: h.createdAt })),
		jurisdictions: jurisdictions.map((j) => ({
			id: j.id,
			name: j.name,
			example: j.numberFormat?.example ?? null,
			onCertificate: j.numberOnCertificate,
			reporting: j.reporting ? { days: j.reporting.days, consentRequired: j.reporting.consentRequired, source: j.reporting.source } : null
		})),
		professions: [...professions]
	};
};

export const actions: Actions = {
	add: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, licenceFormSchema);
		const fields = () => echo(form.values, 'jurisdiction', 'number', 'profession');
		if (!form.ok) return fail(400, { add: { message: form.message, field: form.field, ...fields() } });
		try {
			await addLicence(user.id, form.data);
		} catch (e) {
			if (e instanceof LicenceError) return fail(409, { add: { message: e.message, field: 'jurisdiction', ...fields() } });
			throw e;
		}
		return { add: { success: `Added your ${findJurisdiction(form.data.jurisdiction)!.name} licence ${form.data.number}.` } };
	},
	edit: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, editSchema);
		const id = Number(form.values.licenceId) || 0;
		if (!form.ok) return fail(400, { edit: { licenceId: id, message: form.message, ...echo(form.values, 'number', 'profession') } });
		try {
			const changed = await updateLicence(user.id, form.data.licenceId, form.data);
			return { edit: { licenceId: id, success: changed ? 'Saved. Earlier certificates keep the details they were issued with.' : 'Nothing changed.' } };
		} catch (e) {
			if (e instanceof LicenceError) return fail(404, { edit: { licenceId: id, message: e.message, number: '', profession: '' } });
			throw e;
		}
	},
	remove: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, removeSchema);
		if (!form.ok) return fail(400, { remove: { message: form.message } });
		if (!(await removeLicence(user.id, form.data.licenceId))) return fail(404, { remove: { message: 'That licence is not one of yours.' } });
		return { remove: { success: 'Licence removed. Certificates already issued still show it.' } };
	}
};
