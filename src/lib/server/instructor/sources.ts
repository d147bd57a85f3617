// The course bibliography as the question editor offers it: one picker entry per source, and the check that a
// cited key is one of them. The bibliography is lessons/bibliography.yaml, loaded once in the content catalog.
import { z } from 'zod';
import { catalog } from '../content/catalog';

export interface SourceOption {
	key: string;
	/** "Wiltshire EV, et al. (2010) Massage impairs postexercise muscle blood flow…" */
	label: string;
}

/** Every source, by first author then year, as "Authors (year) Title". */
export function listSourceOptions(): SourceOption[] {
	return [...catalog.bibliography.values()]
		.map((ref) => ({ key: ref.key, label: `${ref.authors} (${ref.year}) ${ref.title}` }))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** The cite field of the editor: empty, or the key of a source in the bibliography. */
export const citeKeySchema = z
	.string()
	.trim()
	.superRefine((key, ctx) => {
		if (key !== '' && !catalog.bibliography.has(key)) {
			ctx.addIssue({
				code: 'custom',
				message: `“${key}” is not a source in the course bibliography. Choose one from the list (type an author, a year or a word of the title).`
			});
		}
	});
