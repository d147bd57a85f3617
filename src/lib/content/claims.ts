import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { GradeLevel } from '../components/lesson/grades';
import { ContentError } from './errors';
import { certainties, directions, gradeFor } from './grading';
import type { Reference } from './schema';

// lessons/claims.yaml: every graded health claim the course makes, so a claim is graded once, in one place.

export const CLAIMS_FILE = '/lessons/claims.yaml';
/** A claim last reviewed longer ago than this is flagged "due for review". */
export const REVIEW_MONTHS = 24;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const claimSchema = z.strictObject({
	id: z.string().regex(slug, 'ids are kebab-case: lowercase words joined by hyphens'),
	statement: z.string().trim().min(1).max(400),
	topic: z.string().regex(slug, 'topics are kebab-case: lowercase words joined by hyphens'),
	direction: z.enum(directions),
	certainty: z.enum(certainties),
	grade: z.enum(['supported', 'mixed', 'contradicted', 'unknown']),
	sources: z.array(z.string()).min(1, 'a claim needs at least one source (bibliography key)'),
	reviewed: z.iso.date('reviewed must be an ISO date such as 2026-12-03'),
	note: z.string().trim().min(1).max(600).optional()
});

export type Claim = z.infer<typeof claimSchema> & { grade: GradeLevel };

function parseClaimsYaml(raw: string): unknown {
	try {
		return parseYaml(raw) ?? { claims: [] };
	} catch (e) {
		throw new ContentError(CLAIMS_FILE, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
	}
}

/**
 * Reads and checks the registry: schema, unique ids, sources in the bibliography, and a grade that equals the
 * grading rule's for the claim's direction and certainty. Throws ContentError naming the claim.
 */
export function loadClaims(raw: string | undefined, bibliography: Map<string, Reference>): Map<string, Claim> {
	const claims = new Map<string, Claim>();
	if (raw === undefined) return claims;
	const data = parseClaimsYaml(raw) as { claims?: unknown };
	const list = Array.isArray(data?.claims) ? data.claims : null;
	if (!list) throw new ContentError(CLAIMS_FILE, 'expected a top-level "claims:" list');
	list.forEach((entry: unknown, i: number) => {
		const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : `#${i + 1}`;
		const parsed = claimSchema.safeParse(entry);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'entry';
			throw new ContentError(CLAIMS_FILE, `claim "${id}", ${field}: ${issue.message}`);
		}
		const claim = parsed.data;
		if (claims.has(claim.id)) throw new ContentError(CLAIMS_FILE, `claim "${claim.id}": duplicate id`);
		for (const key of claim.sources) {
			if (!bibliography.has(key))
				throw new ContentError(CLAIMS_FILE, `claim "${claim.id}": source "${key}" is not in lessons/bibliography.yaml`);
		}
		const expected = gradeFor(claim.direction, claim.certainty);
		if (claim.grade !== expected) {
			const why = `direction "${claim.direction}" with ${claim.certainty} certainty`;
			throw new ContentError(CLAIMS_FILE, `claim "${claim.id}": grade "${claim.grade}" is not allowed for ${why}; the rule gives "${expected}"`);
		}
		claims.set(claim.id, claim);
	});
	return claims;
}

/** True when the claim was last reviewed more than REVIEW_MONTHS before `today`. */
export function isDueForReview(reviewed: string, today: Date): boolean {
	const [y, m, d] = reviewed.split('-').map(Number);
	const due = new Date(Date.UTC(y, m - 1 + REVIEW_MONTHS, d));
	return today.getTime() > due.getTime();
}
