import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { getProvider, saveProvider } from '$lib/server/provider/settings';
import { providerSchema, signatureProblem } from '$lib/validation/provider';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['name', 'providerNumber', 'contact', 'signatoryName', 'signatoryTitle'] as const;

export const load: PageServerLoad = async () => {
	await requireAdmin();
	const { signaturePng, ...provider } = await getProvider();
	return { provider: { ...provider, hasSignature: !!signaturePng } };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const admin = await requireAdmin();
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { message: 'The form could not be read. Please try again.', values: {} as Record<string, string> });
		}
		const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
		const parsed = providerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0].message, values });
		let signature: Uint8Array | null | undefined;
		const file = form.get('signature');
		if (form.get('removeSignature') === 'on') signature = null;
		else if (file instanceof File && file.size > 0) {
			signature = new Uint8Array(await file.arrayBuffer());
			const problem = signatureProblem(signature);
			if (problem) return fail(400, { message: problem, values });
		}
		await saveProvider(admin.id, parsed.data, signature);
		return { success: 'Saved. New certificates print these details; the change is in the audit log.' };
	}
};
