import { z } from 'zod';
import { mailCategories } from '$lib/reminders/categories';

/** The preferences form (form=preferences): one checkbox per category, named "on", whose value is the category; unchecked ones are absent. */
export const emailPreferencesSchema = z.object({
	// Present in every real submission: an empty body (all switches off by accident) is refused instead.
	form: z.literal('preferences'),
	on: z
		.union([z.enum(mailCategories), z.array(z.enum(mailCategories))])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
});
