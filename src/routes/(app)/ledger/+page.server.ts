import { fail } from '@sveltejs/kit';
import { formatCeHours } from '$lib/format';
import { ceHourCategories } from '$lib/certification/schema';
import { requireUser } from '$lib/server/auth/guards';
import { addSelfReportedEntry, removeSelfReportedEntry } from '$lib/server/certification/ledger';
import { findCeProfile, getRenewalOverview, removeProfileChoice, saveProfileChoice } from '$lib/server/certification/renewal';
import { catalog } from '$lib/server/content/catalog';
import { echo, readForm } from '$lib/server/forms';
import { licenceLedger } from '$lib/server/licences/ledger-view';
import { entryIdSchema, profileChoiceSchema, removeProfileSchema, selfReportSchema } from '$lib/validation/certification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const { entries, standings } = await getRenewalOverview(user.id);
	const licences = await licenceLedger(user.id, entries, standings.map((s) => s.profile.id));
	const sum = (list: typeof entries) => Math.round(list.reduce((s, e) => s + e.hours * 100, 0)) / 100;
	return {
		entries,
		totals: {
			total: sum(entries),
			course: sum(entries.filter((e) => e.source === 'course')),
			selfReported: sum(entries.filter((e) => e.source === 'self-reported'))
		},
		standings: standings.map((s) => ({
			profile: { id: s.profile.id, label: s.profile.label, source: s.profile.source, note: s.profile.note ?? null },
			cycleStart: s.cycleStart,
			evaluation: s.evaluation
		})),
		profiles: catalog.ceProfiles.map((p) => ({ id: p.id, label: p.label })),
		categories: [...ceHourCategories],
		today: new Date().toISOString().slice(0, 10),
		licences,
		suggestedProfile: licences.flatMap((l) => l.untrackedProfiles)[0]?.id ?? ''
	};
};

export const actions: Actions = {
	add: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, selfReportSchema);
		if (!form.ok)
			return fail(400, { add: { message: form.message, ...echo(form.values, 'provider', 'title', 'earnedOn', 'hours', 'category', 'format') } });
		const { format, ...rest } = form.data;
		await addSelfReportedEntry(user.id, { ...rest, selfStudy: format === 'home-study' });
		return { add: { success: `Added ${formatCeHours(form.data.hours)} from ${form.data.provider}.` } };
	},
	remove: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, entryIdSchema);
		if (!form.ok) return fail(400, { entries: { message: form.message } });
		const removed = await removeSelfReportedEntry(user.id, form.data.entryId);
		if (!removed) return fail(404, { entries: { message: 'That entry is not one of your self-reported entries.' } });
		return { entries: { success: 'Entry removed from your ledger.' } };
	},
	profile: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, profileChoiceSchema);
		if (!form.ok) return fail(400, { profile: { message: form.message, ...echo(form.values, 'profileId', 'cycleStart') } });
		const profile = findCeProfile(form.data.profileId);
		if (!profile)
			return fail(400, { profile: { message: 'Choose one of the listed requirement profiles.', ...echo(form.values, 'profileId', 'cycleStart') } });
		await saveProfileChoice(user.id, profile.id, form.data.cycleStart);
		return { profile: { success: `Tracking ${profile.label.split(',')[0]} from ${form.data.cycleStart}.` } };
	},
	unprofile: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(request, removeProfileSchema);
		if (!form.ok) return fail(400, { profile: { message: form.message } });
		const removed = await removeProfileChoice(user.id, form.data.profileId);
		if (!removed) return fail(404, { profile: { message: 'You are not tracking that profile.' } });
		return { profile: { success: 'Profile removed. Your ledger is unchanged.' } };
	}
};
