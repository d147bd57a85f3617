import { catalog } from '../content/catalog';
import { evaluateTrackFor } from './issue';

// Where a student stands on every certification track, for the dashboard's progress card. Read-only: issuing
// happens in the commands that complete courses.

export interface TrackProgress {
	slug: string;
	title: string;
	met: boolean;
	requirements: { label: string; met: boolean; detail: string }[];
}

export async function listTrackProgress(userId: number): Promise<TrackProgress[]> {
	const standings = await Promise.all(catalog.tracks.map((track) => evaluateTrackFor(userId, track)));
	return standings.map(({ track, evaluation }) => ({
		slug: track.id,
		title: track.title,
		met: evaluation.met,
		requirements: evaluation.requirements.map((r) => ({ label: r.label, met: r.status === 'met', detail: r.detail }))
	}));
}

/** The tracks a course counts toward, for its course page. */
export function listTracksOfCourse(courseSlug: string): { slug: string; title: string }[] {
	return catalog.tracks.filter((t) => t.requiredCourses.includes(courseSlug)).map((t) => ({ slug: t.id, title: t.title }));
}
