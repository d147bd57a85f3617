import { parse as parseYaml } from 'yaml';
import { computeCeQuarterHours } from './ce';
import { CLAIMS_FILE, loadClaims, type Claim } from './claims';
import { ContentError, describeIssues } from './errors';
import { splitFrontmatter } from './frontmatter';
import { parseQuizFiles } from './quiz-files';
import type { Question } from '../quiz/types';
import { parseCeProfiles, parseTracks, type CeProfile, type Track } from '../certification/schema';
import {
	bibliography as bibliographySchema,
	courseFrontmatter,
	lessonFrontmatter,
	type CourseMeta,
	type LessonMeta,
	type Reference
} from './schema';
import {
	countWords,
	extractCitationOrder,
	extractClaims,
	extractKnowledgeChecks,
	extractSections,
	extractTrialAppraisals,
	findMalformedClaim,
	type Section
} from './text';
import { checkAppraisals, parseTrials, type Trial } from '../appraisal/trials';

/** Raw files keyed by path from the project root, e.g. "/lessons/01-science-of-massage/index.md". */
export type ContentFiles = Record<string, string>;

export interface LessonEntry extends LessonMeta {
	slug: string;
	position: number;
	/** Path of the lesson's index.md, also the key of its compiled component. */
	file: string;
	wordCount: number;
	sections: Section[];
	/** Citation keys in order of first use, including the sources of the lesson's <Claim /> badges. */
	cites: string[];
	/** Registry claim ids the lesson grades, in order of first use. */
	claims: string[];
	knowledgeChecks: string[];
	/** Trial ids of the lesson's <TrialAppraisal> exercises; a signed-in student completes the lesson only after submitting each. */
	appraisals: string[];
	/** Raw quiz files beside the lesson (GIFT, JSON), keyed by file name. */
	quizFiles: Record<string, string>;
	/** Parsed questions by base name: "quiz" (the lesson check) and "checks" (inline knowledge checks). */
	questions: Map<string, Question[]>;
}

export interface CourseEntry extends CourseMeta {
	slug: string;
	position: number;
	file: string;
	hasIntro: boolean;
	/** Registry claim ids graded in the course introduction. */
	claims: string[];
	lessons: LessonEntry[];
	wordCount: number;
	mediaMinutes: number;
	ceQuarterHours: number;
	quizFiles: Record<string, string>;
	/** Parsed questions by base name: "final" is the course's final exam. */
	questions: Map<string, Question[]>;
	/** The trials its lessons' appraisal exercises use, from the course's trials.yaml, by id. */
	trials: Map<string, Trial>;
}

/** Where a claim is taught: a lesson (empty for the course introduction) and the section holding its badge. */
export interface ClaimUse {
	course: string;
	lesson: string;
	title: string;
	section: string;
	heading: string;
}

export interface Catalog {
	courses: CourseEntry[];
	bibliography: Map<string, Reference>;
	claims: Map<string, Claim>;
	claimUses: Map<string, ClaimUse[]>;
	/** Problems that do not stop the build, e.g. a registry claim no lesson uses. */
	warnings: string[];
	tracks: Track[];
	ceProfiles: CeProfile[];
}

const NUMBERED = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

function numbered(file: string, dir: string): { position: number; slug: string } {
	const m = NUMBERED.exec(dir);
	if (!m) throw new ContentError(file, `folder "${dir}" must be named NN-slug (two digits, a hyphen, lowercase words)`);
	return { position: Number(m[1]), slug: m[2] };
}

function loadBibliography(files: ContentFiles): Map<string, Reference> {
	const file = '/lessons/bibliography.yaml';
	if (!(file in files)) throw new ContentError(file, 'missing: every citation must be listed here');
	const parsed = bibliographySchema.safeParse(parseYaml(files[file]));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const [index, ...field] = issue.path;
		throw new ContentError(file, `entry ${Number(index) + 1}, field "${field.join('.')}": ${issue.message}`);
	}
	const map = new Map<string, Reference>();
	for (const entry of parsed.data) {
		if (map.has(entry.key)) throw new ContentError(file, `duplicate key "${entry.key}"`);
		map.set(entry.key, entry);
	}
	return map;
}

function quizFilesIn(files: ContentFiles, dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, raw] of Object.entries(files)) {
		const m = new RegExp(`^${dir}/([^/]+\\.(?:gift|json))$`).exec(path);
		if (m) out[m[1]] = raw;
	}
	return out;
}

/** The claim ids a body grades; throws on a malformed badge or an id missing from the registry. */
function checkedClaims(file: string, body: string, registry: Map<string, Claim>): string[] {
	const malformed = findMalformedClaim(body);
	if (malformed) throw new ContentError(file, `${malformed}: write a claim badge as <Claim id="claim-id" />, self-closing, after the sentence it grades`);
	const ids = extractClaims(body);
	for (const id of ids) {
		if (!registry.has(id)) throw new ContentError(file, `<Claim id="${id}" />: unknown claim id (add it to lessons/claims.yaml)`);
	}
	return ids;
}

function loadLesson(
	files: ContentFiles,
	file: string,
	dir: string,
	refs: Map<string, Reference>,
	registry: Map<string, Claim>,
	trials: Map<string, Trial>
): LessonEntry {
	const { position, slug } = numbered(file, dir.split('/').pop()!);
	const { data, body } = splitFrontmatter(file, files[file]);
	const meta = lessonFrontmatter.safeParse(data);
	if (!meta.success) throw new ContentError(file, describeIssues(meta.error));
	for (const key of meta.data.references) {
		if (!refs.has(key)) throw new ContentError(file, `field "references": unknown citation key "${key}"`);
	}
	const claims = checkedClaims(file, body, registry);
	const cites = extractCitationOrder(body, (id) => registry.get(id)!.sources);
	const claimSources = new Set(claims.flatMap((id) => registry.get(id)!.sources));
	for (const key of cites) {
		if (!refs.has(key)) throw new ContentError(file, `<Cite key="${key}" />: unknown citation key`);
		if (!meta.data.references.includes(key) && !claimSources.has(key))
			throw new ContentError(file, `<Cite key="${key}" />: add "${key}" to the "references" field`);
	}
	// A claim's sources join the reference list automatically, so an author cannot forget them.
	const references = [...new Set([...meta.data.references, ...claimSources])];
	const quizFiles = quizFilesIn(files, dir);
	const questions = parseQuizFiles(dir, quizFiles, new Set(refs.keys()));
	const checkTitles = new Set((questions.get('checks') ?? []).map((q) => q.title));
	for (const id of extractKnowledgeChecks(body)) {
		const check = (questions.get('checks') ?? []).find((q) => q.title === id);
		if (!checkTitles.has(id) || !check) throw new ContentError(file, `<KnowledgeCheck id="${id}" />: no question titled ::${id}:: in checks.gift`);
		if (check.type !== 'single' && check.type !== 'truefalse')
			throw new ContentError(`${dir}/checks.gift`, `::${id}::: knowledge checks must be single choice or true/false`);
	}
	const appraisals = checkAppraisals(file, extractTrialAppraisals(body), trials, references);
	return {
		...meta.data,
		references,
		slug,
		position,
		file,
		wordCount: countWords(body),
		sections: extractSections(body),
		cites,
		claims,
		knowledgeChecks: extractKnowledgeChecks(body),
		appraisals,
		quizFiles,
		questions
	};
}

/** Validates every file under lessons/ and builds the catalog; throws ContentError naming the file and field. */
export function buildCatalog(files: ContentFiles): Catalog {
	const bibliography = loadBibliography(files);
	const claims = loadClaims(files[CLAIMS_FILE], bibliography);
	const courseFiles = Object.keys(files)
		.filter((p) => /^\/lessons\/[^/]+\/index\.md$/.test(p))
		.sort();
	const courses = courseFiles.map((file) => {
		const dir = file.slice(0, -'/index.md'.length);
		const { position, slug } = numbered(file, dir.split('/').pop()!);
		const { data, body } = splitFrontmatter(file, files[file]);
		const meta = courseFrontmatter.safeParse(data);
		if (!meta.success) throw new ContentError(file, describeIssues(meta.error));
		const trialsFile = `${dir}/trials.yaml`;
		const trials = trialsFile in files ? parseTrials(trialsFile, files[trialsFile], new Set(bibliography.keys())) : new Map<string, Trial>();
		const introClaims = checkedClaims(file, body, claims);
		const lessons = Object.keys(files)
			.filter((p) => p.startsWith(dir + '/') && /^[^/]+\/index\.md$/.test(p.slice(dir.length + 1)))
			.sort()
			.map((lessonFile) => loadLesson(files, lessonFile, lessonFile.slice(0, -'/index.md'.length), bibliography, claims, trials));
		const slugs = new Set<string>();
		for (const lesson of lessons) {
			if (slugs.has(lesson.slug)) throw new ContentError(lesson.file, `duplicate lesson slug "${lesson.slug}"`);
			slugs.add(lesson.slug);
		}
		const quizFiles = quizFilesIn(files, dir);
		const questions = parseQuizFiles(dir, quizFiles, new Set(bibliography.keys()));
		const wordCount = lessons.reduce((sum, l) => sum + l.wordCount, 0);
		const mediaMinutes = lessons.reduce((sum, l) => sum + l.mediaMinutes, 0);
		return {
			...meta.data,
			slug,
			position,
			file,
			hasIntro: body.trim().length > 0,
			claims: introClaims,
			lessons,
			wordCount,
			mediaMinutes,
			ceQuarterHours: computeCeQuarterHours(wordCount, mediaMinutes),
			quizFiles,
			questions,
			trials
		};
	});
	const seen = new Set<string>();
	for (const course of courses) {
		if (seen.has(course.slug)) throw new ContentError(course.file, `duplicate course slug "${course.slug}"`);
		seen.add(course.slug);
	}
	const tracks = files['/lessons/tracks.yaml'] ? parseTracks(files['/lessons/tracks.yaml'], { courseSlugs: seen }) : [];
	const ceProfiles = files['/lessons/ce-profiles.yaml'] ? parseCeProfiles(files['/lessons/ce-profiles.yaml']) : [];
	const claimUses = findClaimUses(courses, claims);
	const warnings = [...claimUses]
		.filter(([, uses]) => uses.length === 0)
		.map(([id]) => `${CLAIMS_FILE}: claim "${id}" is not used by any lesson (mark it with <Claim id="${id}" /> or remove it)`);
	return { courses, bibliography, claims, claimUses, warnings, tracks, ceProfiles };
}

function findClaimUses(courses: CourseEntry[], claims: Map<string, Claim>): Map<string, ClaimUse[]> {
	const uses = new Map<string, ClaimUse[]>([...claims.keys()].map((id) => [id, []]));
	for (const course of courses) {
		for (const id of course.claims) uses.get(id)!.push({ course: course.slug, lesson: '', title: course.title, section: '', heading: '' });
		for (const lesson of course.lessons) {
			for (const section of lesson.sections) {
				for (const id of section.claims) {
					const list = uses.get(id)!;
					if (list.some((u) => u.course === course.slug && u.lesson === lesson.slug)) continue;
					list.push({ course: course.slug, lesson: lesson.slug, title: lesson.title, section: section.id, heading: section.heading });
				}
			}
		}
	}
	return uses;
}
