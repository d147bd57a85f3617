import { z } from 'zod';
import { grades, type GradeLevel } from '$lib/components/lesson/grades';
import { isDueForReview, REVIEW_MONTHS, type Claim } from '$lib/content/claims';
import { catalog } from './catalog';

// The evidence map: every registry claim with its sources and the lessons that teach it, filtered by grade and
// topic from the query string (a plain GET form, so it works without JavaScript).

const levels = Object.keys(grades) as GradeLevel[];

export const evidenceFilters = z.object({
	grade: z.enum(levels).optional().catch(undefined),
	topic: z.string().max(60).optional().catch(undefined)
});
export type EvidenceFilters = z.infer<typeof evidenceFilters>;

export function parseEvidenceFilters(params: URLSearchParams): EvidenceFilters {
	const raw = { grade: params.get('grade') || undefined, topic: params.get('topic') || undefined };
	const parsed = evidenceFilters.parse(raw);
	return { grade: parsed.grade, topic: parsed.topic && topicsOf().includes(parsed.topic) ? parsed.topic : undefined };
}

function topicsOf(): string[] {
	return [...new Set([...catalog.claims.values()].map((c) => c.topic))].sort();
}

/** "stress-hormones" → "Stress hormones". */
export function topicLabel(topic: string): string {
	const words = topic.replace(/-/g, ' ');
	return words[0].toUpperCase() + words.slice(1);
}

function describeClaim(claim: Claim, today: Date) {
	const courses = new Map(catalog.courses.map((c) => [c.slug, c.title]));
	return {
		...claim,
		topicLabel: topicLabel(claim.topic),
		dueForReview: isDueForReview(claim.reviewed, today),
		sources: claim.sources.map((key) => catalog.bibliography.get(key)!),
		lessons: (catalog.claimUses.get(claim.id) ?? []).map((use) => ({
			...use,
			courseTitle: use.lesson ? (courses.get(use.course) ?? use.course) : 'course introduction',
			href: use.lesson ? `/courses/${use.course}/${use.lesson}${use.section ? `#${use.section}` : ''}` : `/courses/${use.course}`
		}))
	};
}

export function listEvidence(filters: EvidenceFilters, today = new Date()) {
	const all = [...catalog.claims.values()];
	const claims = all
		.filter((c) => (!filters.grade || c.grade === filters.grade) && (!filters.topic || c.topic === filters.topic))
		.sort((a, b) => a.topic.localeCompare(b.topic) || levels.indexOf(a.grade) - levels.indexOf(b.grade) || a.id.localeCompare(b.id))
		.map((c) => describeClaim(c, today));
	return {
		claims,
		total: all.length,
		reviewMonths: REVIEW_MONTHS,
		grades: levels.map((level) => ({ level, label: grades[level].short, count: all.filter((c) => c.grade === level).length })),
		topics: topicsOf().map((topic) => ({ topic, label: topicLabel(topic), count: all.filter((c) => c.topic === topic).length }))
	};
}

/** Claims last reviewed more than the review interval ago, for the instructor studio. */
export function listClaimsDueForReview(today = new Date()) {
	return [...catalog.claims.values()]
		.filter((c) => isDueForReview(c.reviewed, today))
		.map((c) => ({ id: c.id, statement: c.statement, reviewed: c.reviewed }));
}
