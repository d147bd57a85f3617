import { z } from 'zod';
import { ceHourCategories } from '$lib/certification/schema';
import { deceptiveTextMessage, hasDeceptiveCharacters } from './text';

// Limits are refused with a message, never silently truncated.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
	if (!ISO_DAY.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dayField = (what: string) =>
	z
		.string({ error: `Enter ${what}.` })
		.trim()
		.min(1, `Enter ${what}.`)
		.refine(isRealDay, `Enter ${what} as a real date (YYYY-MM-DD).`)
		.refine((v) => v >= '1950-01-01', `${what[0].toUpperCase()}${what.slice(1)} cannot be before 1950.`);

/** A one-line field of a ledger entry (shown on the ledger and its exports), held to hasDeceptiveCharacters. */
const text = (what: string, max: number) =>
	z
		.string({ error: `Enter the ${what}.` })
		.trim()
		.min(1, `Enter the ${what}.`)
		.max(max, `The ${what} can be at most ${max} characters.`)
		.refine((v) => !hasDeceptiveCharacters(v), deceptiveTextMessage(`The ${what}`));

/** Today in UTC as YYYY-MM-DD (a day later is allowed so no time zone ahead of UTC is refused). */
function latestAllowedDay(now = new Date()): string {
	return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

export const selfReportSchema = z.object({
	provider: text('provider', 200),
	title: text('course title', 200),
	earnedOn: dayField('the date you earned the hours').refine(
		(v) => v <= latestAllowedDay(),
		'The date cannot be in the future.'
	),
	hours: z
		.string({ error: 'Enter the hours.' })
		.trim()
		.regex(/^\d{1,3}(\.\d{1,2})?$/, 'Enter the hours as a number with at most two decimals, like 1.5.')
		.transform(Number)
		.refine((v) => v > 0, 'Enter more than 0 hours.')
		.refine((v) => v <= 100, 'One entry can be at most 100 hours; add several entries for more.'),
	category: z.enum(ceHourCategories, { error: 'Choose a category.' }),
	format: z.enum(['home-study', 'in-person'], { error: 'Choose home study or in person.' })
});

export const entryIdSchema = z.object({
	entryId: z.coerce.number({ error: 'Choose an entry.' }).int().positive('Choose an entry.')
});

export const profileChoiceSchema = z.object({
	profileId: z
		.string({ error: 'Choose a requirement profile.' })
		.trim()
		.min(1, 'Choose a requirement profile.')
		.max(100, 'Choose a requirement profile.'),
	cycleStart: dayField('the start date of your current cycle')
});

export const removeProfileSchema = z.object({
	profileId: z.string({ error: 'Choose a profile.' }).trim().min(1, 'Choose a profile.').max(100, 'Choose a profile.')
});

export const revokeSchema = z.object({
	certificateId: z.coerce.number({ error: 'Choose a certificate.' }).int().positive('Choose a certificate.'),
	reason: z
		.string({ error: 'Give a reason for revoking.' })
		.trim()
		.min(3, 'Give a reason for revoking (at least 3 characters).')
		.max(500, 'The reason can be at most 500 characters.')
});

export const reissueSchema = z.object({
	certificateId: z.coerce.number({ error: 'Choose a certificate.' }).int().positive('Choose a certificate.')
});
