import type { z } from 'zod';

/** A problem in lessons/, naming the file and the field so the author can fix it. */
export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly detail: string
	) {
		super(`${file}: ${detail}`);
		this.name = 'ContentError';
	}
}

export function describeIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => {
			const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'frontmatter';
			return `${field}: ${issue.message}`;
		})
		.join('; ');
}
