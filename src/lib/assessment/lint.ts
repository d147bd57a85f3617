import { questionTypes, type Question, type QuestionType } from '../quiz/types';
import { findRecallProblem, normalizeStem } from './recall';

// The assessment lint: does a quiz test a therapist's judgement? Pure: callers supply the items with where they
// come from (file and line for course files, "Question 3" in the studio) and the citation keys allowed.

/** The targets, one place (see the common brief and lessons/README.md). */
export const lintTargets = {
	finalMaxTrueFalse: 2,
	finalMinScenarioShare: 0.6,
	lessonCheckMinItems: 6,
	lessonCheckMinScenarios: 3,
	minChoiceOptions: 3
} as const;

export type QuizKind = 'final' | 'lesson-check' | 'knowledge-checks' | 'practice';

export interface LintItem {
	question: Question;
	/** Where a person finds the item, e.g. "lessons/01-x/final.gift:12" or "Question 3". */
	where: string;
}

export interface LintQuiz {
	name: string;
	kind: QuizKind;
	items: LintItem[];
	/** Keys a `// cite:` may name (the lesson's or course's references); undefined skips the check. */
	references?: Set<string>;
	/** Every bibliography key; undefined skips the check. */
	bibliography?: Set<string>;
}

export interface Violation {
	where: string;
	/** The item's title or the start of its stem, when the violation is about one item. */
	item?: string;
	message: string;
}

export interface QuizReport {
	name: string;
	kind: QuizKind;
	total: number;
	types: Partial<Record<QuestionType, number>>;
	scenarios: number;
	/** Number of options → how many choice items have that many. */
	options: Record<number, number>;
	violations: Violation[];
}

export function isScenario(question: Question): boolean {
	return question.tags.some((t) => t.trim().toLowerCase() === 'scenario');
}

function label(item: LintItem): string {
	const q = item.question;
	return q.title ? `"${q.title}"` : `"${q.text.slice(0, 50)}${q.text.length > 50 ? '…' : ''}"`;
}

function checkItem(item: LintItem, quiz: LintQuiz): Violation[] {
	const q = item.question;
	const out: Violation[] = [];
	const add = (message: string) => out.push({ where: item.where, item: label(item), message });
	if ((q.type === 'single' || q.type === 'multiple') && q.choices.length < lintTargets.minChoiceOptions)
		add(`has ${q.choices.length} options; a choice item needs at least ${lintTargets.minChoiceOptions}`);
	const recall = findRecallProblem(q);
	if (recall) add(`tests recall, not judgement (${recall})`);
	if (q.cite && quiz.bibliography && !quiz.bibliography.has(q.cite)) add(`// cite: "${q.cite}" is not in the bibliography`);
	else if (q.cite && quiz.references && !quiz.references.has(q.cite))
		add(`// cite: "${q.cite}" is not among the ${quiz.kind === 'final' ? "course's" : "lesson's"} references`);
	return out;
}

function checkQuiz(quiz: LintQuiz, report: QuizReport): Violation[] {
	const where = quiz.items[0]?.where ?? quiz.name;
	const out: Violation[] = [];
	if (quiz.kind === 'final') {
		const trueFalse = quiz.items.filter((i) => i.question.type === 'truefalse');
		for (const extra of trueFalse.slice(lintTargets.finalMaxTrueFalse))
			out.push({ where: extra.where, item: label(extra), message: `true/false item ${trueFalse.indexOf(extra) + 1} of ${trueFalse.length}; a final allows at most ${lintTargets.finalMaxTrueFalse}` });
		const needed = Math.ceil(lintTargets.finalMinScenarioShare * report.total);
		if (report.scenarios < needed)
			out.push({ where, message: `${report.scenarios} of ${report.total} items are tagged scenario; a final needs at least ${lintTargets.finalMinScenarioShare * 100}% (${needed})` });
	}
	if (quiz.kind === 'lesson-check') {
		if (report.total < lintTargets.lessonCheckMinItems)
			out.push({ where, message: `${report.total} items; a lesson check needs at least ${lintTargets.lessonCheckMinItems}` });
		if (report.scenarios < lintTargets.lessonCheckMinScenarios)
			out.push({ where, message: `${report.scenarios} items tagged scenario; a lesson check needs at least ${lintTargets.lessonCheckMinScenarios}` });
	}
	return out;
}

/** The report of one quiz: type mix, scenario count, option counts and every violation. */
export function lintQuiz(quiz: LintQuiz): QuizReport {
	const report: QuizReport = { name: quiz.name, kind: quiz.kind, total: quiz.items.length, types: {}, scenarios: 0, options: {}, violations: [] };
	for (const { question: q } of quiz.items) {
		report.types[q.type] = (report.types[q.type] ?? 0) + 1;
		if (isScenario(q)) report.scenarios++;
		if (q.type === 'single' || q.type === 'multiple') report.options[q.choices.length] = (report.options[q.choices.length] ?? 0) + 1;
	}
	report.violations = [...checkQuiz(quiz, report), ...quiz.items.flatMap((item) => checkItem(item, quiz))];
	report.violations.push(...findSharedStems([quiz]));
	return report;
}

/** Items in different places with the same stem once normalized; each repeat is named with its first use. */
export function findSharedStems(quizzes: LintQuiz[]): Violation[] {
	const first = new Map<string, LintItem>();
	const out: Violation[] = [];
	for (const item of quizzes.flatMap((q) => q.items)) {
		const stem = normalizeStem(item.question.text);
		const seen = first.get(stem);
		if (seen) out.push({ where: item.where, item: label(item), message: `same stem as the item at ${seen.where}` });
		else first.set(stem, item);
	}
	return out;
}

/** Lints a course's quizzes; stems shared between two quizzes are reported on the later quiz. */
export function lintCourse(quizzes: LintQuiz[]): QuizReport[] {
	const reports = quizzes.map(lintQuiz);
	const within = new Set(reports.flatMap((r) => r.violations.map((v) => `${v.where}|${v.message}`)));
	for (const v of findSharedStems(quizzes)) {
		if (within.has(`${v.where}|${v.message}`)) continue;
		const index = quizzes.findIndex((q) => q.items.some((i) => i.where === v.where));
		reports[index].violations.push(v);
	}
	return reports;
}

const kindNames: Record<QuizKind, string> = {
	final: 'final exam',
	'lesson-check': 'lesson check',
	'knowledge-checks': 'knowledge checks',
	practice: 'quiz'
};

export function describeViolation(v: Violation): string {
	return v.item ? `${v.where}: ${v.item}: ${v.message}` : `${v.where}: ${v.message}`;
}

/** Type mix, scenario share and option counts in one line. */
export function summarizeReport(report: QuizReport): string {
	const types = questionTypes.filter((t) => report.types[t]).map((t) => `${t} ${report.types[t]}`).join(', ');
	const share = report.total ? Math.round((report.scenarios / report.total) * 100) : 0;
	const options = Object.entries(report.options).map(([n, count]) => `${count}×${n}`).join(', ') || 'none';
	return `${report.total} items [${types}]; scenario ${report.scenarios}/${report.total} (${share}%); choice options ${options}`;
}

/** One summary line and one line per violation, for the build log. */
export function formatReport(report: QuizReport): string {
	const head = `${report.name} (${kindNames[report.kind]}): ${summarizeReport(report)}`;
	return [head, ...report.violations.map((v) => `  ✗ ${describeViolation(v)}`)].join('\n');
}
