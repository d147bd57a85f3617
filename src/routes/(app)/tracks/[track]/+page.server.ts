import { error, redirect } from '@sveltejs/kit';
import { evaluateTrack } from '$lib/certification/track-rules';
import { formatCe } from '$lib/content/ce';
import { listUserCertificates } from '$lib/server/certification/certificates';
import { evaluateTrackFor, findTrack } from '$lib/server/certification/issue';
import { issueEarnedCertificates } from '$lib/server/certification/earned';
import { catalog } from '$lib/server/content/catalog';
import { requireUser } from '$lib/server/auth/guards';
import type { Actions, PageServerLoad } from './$types';

// Public, because the track is the `achievement.id` of every Open Badge and must describe what it certifies. A
// signed-in student also sees the status of each requirement and their certificate.
export const load: PageServerLoad = async ({ params, locals }) => {
	const track = findTrack(params.track);
	if (!track) error(404, 'There is no such certification track.');
	const courses = track.requiredCourses.map((slug) => {
		const course = catalog.courses.find((c) => c.slug === slug);
		return { slug, title: course?.title ?? slug, ce: course ? formatCe(course.ceQuarterHours) : '' };
	});
	const titles = Object.fromEntries(courses.map((c) => [c.slug, c.title]));
	const summary = {
		slug: track.id,
		title: track.title,
		description: track.description,
		minFinalExamPercent: track.minFinalExamPercent,
		validityMonths: track.validityMonths,
		courses
	};
	if (!locals.user) {
		const { requirements } = evaluateTrack(track, { courses: {}, ceHours: 0 }, titles);
		return { track: summary, signedIn: false, requirements, met: false, claimable: false, certificate: null };
	}
	const standing = await evaluateTrackFor(locals.user.id, track);
	const certificates = await listUserCertificates(locals.user.id);
	const current = certificates.find((c) => c.trackSlug === track.id && c.status !== 'revoked') ?? certificates.find((c) => c.trackSlug === track.id);
	return {
		track: summary,
		signedIn: true,
		requirements: standing.evaluation.requirements,
		met: standing.evaluation.met,
		// Met before this track existed (or before a catalog change): the page offers to issue it (a load never writes).
		claimable: standing.evaluation.met && !certificates.some((c) => c.trackSlug === track.id && c.status !== 'revoked'),
		certificate: current
			? { id: current.id, code: current.code, status: current.status, issuedAt: current.issuedAt, expiresAt: current.expiresAt }
			: null
	};
};

export const actions: Actions = {
	/** Issues every certificate the student has earned, exactly as completing a course would; a no-op otherwise. */
	claim: async ({ params }) => {
		const user = requireUser();
		if (!findTrack(params.track)) error(404, 'There is no such certification track.');
		await issueEarnedCertificates(user.id);
		redirect(303, `/tracks/${params.track}`);
	}
};
