import { catalog } from '../content/catalog';
import type { TrackStanding } from './issue';

// Where a student stands on every certification track, for the dashboard's progress card (computed in
// progress/dashboard.ts with standingFrom). Read-only: issuing happens in the commands that complete courses.

export interface TrackProgress {
	slug: string;
	title: string;
	met: boolean;
	requirements: { label: string; met: boolean; detail: string }[];
}

/** A track's standing as the dashboard's card shows it. */
export function toTrackProgress({ track, evaluation }: TrackStanding): TrackProgress {
	return {
		slug: track.id,
		title: track.title,
		met: evaluation.met,
		requirements: evaluation.requirements.map((r) => ({ label: r.label, met: r.status === 'met', detail: r.detail }))
	};
}

/** The tracks a course counts toward, for its course page. */
export function listTracksOfCourse(courseSlug: string): { slug: string; title: string }[] {
	return catalog.tracks.filter((t) => t.requiredCourses.includes(courseSlug)).map((t) => ({ slug: t.id, title: t.title }));
}
