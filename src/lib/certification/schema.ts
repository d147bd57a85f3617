// Schemas for the certification data under lessons/: tracks.yaml (what a certificate requires) and
// ce-profiles.yaml (what a board asks for at renewal). Both are plain data, validated here so a typo fails the
// build with the file, the entry and the field instead of silently changing what a therapist is told.

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../content/errors';
import { ceCategories } from '../content/schema';

/**
 * Every CE category the app knows. The first five are the categories a course can carry (course frontmatter
 * `ceCategory`); the rest exist because state boards name them (Florida's 64B7-28.009 in particular) and a
 * therapist logs hours against them by hand.
 */
export const ceHourCategories = [
	...ceCategories,
	'medical-errors',
	'laws-and-rules',
	'human-trafficking',
	'hands-on'
] as const;

export type CeHourCategory = (typeof ceHourCategories)[number];

export function isCeHourCategory(value: string): value is CeHourCategory {
	return (ceHourCategories as readonly string[]).includes(value);
}

const text = (max: number) => z.string().trim().min(1).max(max);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens');
const hours = z.number().min(0).max(1000);

export const trackSchema = z.strictObject({
	id: slug,
	title: text(120),
	description: text(400),
	requiredCourses: z
		.array(slug)
		.min(1, 'a track needs at least one course')
		.refine((list) => new Set(list).size === list.length, 'a course is listed twice'),
	minFinalExamPercent: z.number().min(0).max(100),
	minCeHours: hours,
	validityMonths: z.number().int().min(1).max(120)
});

export const tracksSchema = z.array(trackSchema).superRefine((tracks, ctx) => {
	const seen = new Set<string>();
	tracks.forEach((track, i) => {
		if (seen.has(track.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${track.id}"` });
		seen.add(track.id);
	});
});

const hoursByCategory = z.partialRecord(z.enum(ceHourCategories), hours);

export const ceProfileSchema = z
	.strictObject({
		id: slug,
		label: text(200).refine(
			(label) => /check with your board/i.test(label),
			'the label must tell the reader to "check with your board"'
		),
		source: text(400),
		note: text(800).optional(),
		cycleMonths: z.number().int().min(1).max(120),
		totalHours: hours.positive(),
		minimums: hoursByCategory,
		maximums: hoursByCategory,
		maxSelfStudyHours: hours.optional(),
		carryOver: z.literal(false, {
			error: 'carry-over is not supported: hours only count in the cycle they were earned (set carryOver: false)'
		})
	})
	.superRefine((profile, ctx) => {
		let minimumSum = 0;
		for (const [category, min] of Object.entries(profile.minimums)) {
			minimumSum += min ?? 0;
			const max = profile.maximums[category as CeHourCategory];
			if (max !== undefined && min !== undefined && min > max)
				ctx.addIssue({
					code: 'custom',
					path: ['minimums', category],
					message: `minimum ${min} is above the maximum ${max} for the same category`
				});
		}
		if (minimumSum > profile.totalHours)
			ctx.addIssue({
				code: 'custom',
				path: ['minimums'],
				message: `the minimums add up to ${minimumSum} hours, more than totalHours (${profile.totalHours})`
			});
		if (profile.maxSelfStudyHours !== undefined && profile.maxSelfStudyHours > profile.totalHours)
			ctx.addIssue({
				code: 'custom',
				path: ['maxSelfStudyHours'],
				message: `is above totalHours (${profile.totalHours}); leave it out if self-study is not capped`
			});
	});

export const ceProfilesSchema = z.array(ceProfileSchema).superRefine((profiles, ctx) => {
	const seen = new Set<string>();
	profiles.forEach((profile, i) => {
		if (seen.has(profile.id))
			ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${profile.id}"` });
		seen.add(profile.id);
	});
});

export type Track = z.infer<typeof trackSchema>;
export type CeProfile = z.infer<typeof ceProfileSchema>;

/** Turns the first zod issue into "track 2, field "validityMonths": ..." (entries counted from 1). */
function describeFirstIssue(error: z.ZodError, entryName: string, listName: string): string {
	const issue = error.issues[0];
	const [index, ...rest] = issue.path;
	if (typeof index !== 'number') return `expected a list of ${listName}: ${issue.message}`;
	const entry = `${entryName} ${index + 1}`;
	const field = rest.map(String);
	if (issue.code === 'unrecognized_keys') {
		const key = issue.keys[0];
		const parent = field[field.length - 1];
		const message =
			parent === 'minimums' || parent === 'maximums'
				? `unknown category; use one of ${ceHourCategories.join(', ')}`
				: 'unknown field';
		return `${entry}, field "${[...field, key].join('.')}": ${message}`;
	}
	if (field.length === 0) return `${entry}: ${issue.message}`;
	return `${entry}, field "${field.join('.')}": ${issue.message}`;
}

function parseFile<T>(
	file: string,
	yamlText: string,
	schema: z.ZodType<T>,
	entryName: string,
	listName: string
): T {
	let data: unknown;
	try {
		data = parseYaml(yamlText);
	} catch (e) {
		throw new ContentError(file, `invalid YAML: ${(e as Error).message}`);
	}
	const parsed = schema.safeParse(data ?? []);
	if (!parsed.success) throw new ContentError(file, describeFirstIssue(parsed.error, entryName, listName));
	return parsed.data;
}

export interface ParseTracksOptions {
	/** Course slugs that exist; when given, every requiredCourses entry must be one of them. */
	courseSlugs?: Iterable<string>;
}

/**
 * Parses lessons/tracks.yaml. Throws an Error (a ContentError) whose message names the file, the track (from 1)
 * and the field, e.g. `tracks.yaml: track 1, field "validityMonths": Too small: expected number to be >=1`.
 */
export function parseTracks(yamlText: string, options: ParseTracksOptions = {}): Track[] {
	const file = 'tracks.yaml';
	const tracks = parseFile(file, yamlText, tracksSchema, 'track', 'tracks');
	if (tracks.length === 0) throw new ContentError(file, 'no tracks: ship at least one or remove the file');
	if (options.courseSlugs) {
		const known = new Set(options.courseSlugs);
		tracks.forEach((track, i) => {
			track.requiredCourses.forEach((course, j) => {
				if (!known.has(course))
					throw new ContentError(
						file,
						`track ${i + 1}, field "requiredCourses.${j}": unknown course "${course}"`
					);
			});
		});
	}
	return tracks;
}

/**
 * Parses lessons/ce-profiles.yaml. Throws an Error (a ContentError) naming the file, the profile (from 1) and the
 * field, e.g. `ce-profiles.yaml: profile 2, field "minimums.spirituality": unknown category; use one of ...`.
 */
export function parseCeProfiles(yamlText: string): CeProfile[] {
	const file = 'ce-profiles.yaml';
	const profiles = parseFile(file, yamlText, ceProfilesSchema, 'profile', 'profiles');
	if (profiles.length === 0) throw new ContentError(file, 'no profiles: ship at least one or remove the file');
	return profiles;
}
