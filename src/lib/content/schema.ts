import { z } from 'zod';

export const ceCategories = ['science', 'safety', 'ethics', 'self-care', 'professional'] as const;
export const levels = ['introductory', 'intermediate', 'advanced'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const courseFrontmatter = z.strictObject({
	title: text(120),
	summary: text(400),
	level: z.enum(levels),
	audience: text(200),
	ceCategory: z.enum(ceCategories)
});

export const lessonFrontmatter = z.strictObject({
	title: text(120),
	summary: text(400),
	objectives: z.array(text(300)).min(1).max(8),
	minutes: z.number().int().min(1).max(240),
	mediaMinutes: z.number().int().min(0).max(600).default(0),
	references: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)
});

export const bibliographyEntry = z.strictObject({
	key: z.string().regex(/^[a-z0-9-]+$/, 'keys are lowercase letters, digits and hyphens'),
	authors: text(300),
	year: z.number().int().min(1800).max(2100).optional(),
	title: text(400),
	journal: text(300),
	doi: z
		.string()
		.regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abc')
		.optional(),
	pmid: z
		.string()
		.regex(/^\d{1,9}$/)
		.optional(),
	url: z.url().optional(),
	note: text(400).optional()
});

export const bibliography = z.array(bibliographyEntry);

export type CourseMeta = z.infer<typeof courseFrontmatter>;
export type LessonMeta = z.infer<typeof lessonFrontmatter>;
export type Reference = z.infer<typeof bibliographyEntry>;
export type CeCategory = (typeof ceCategories)[number];
