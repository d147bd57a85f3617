// GIFT and JSON import and export for a course's bank and quizzes. An import is checked completely first (syntax,
// sizes, count) and saved in one transaction, so a file with any error saves nothing.
import { formatGiftError, parseGift, stripParseInfo } from '$lib/gift/parse';
import { writeGift } from '$lib/gift/write';
import { parseQuestionsJson, writeQuestionsJson } from '$lib/gift/json';
import type { Question } from '$lib/quiz/types';
import { findDeceptiveFields, findOversizedFields, limits } from '$lib/validation/instructor';
import { db, table } from '../db';
import type { Quiz } from '../db/schema';
import { lessonCheckSettings } from '../quiz/defaults';
import { addQuestionsToQuiz } from './quiz-questions';
import { insertQuestion } from './questions';

export type ImportFormat = 'gift' | 'json';

export interface ImportPlan {
	format: ImportFormat;
	questions: Question[];
	/** Each names the line (GIFT) or the question index (JSON) and what was expected. Any error: nothing is saved. */
	errors: string[];
}

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;

/** JSON when asked, when the file is named .json, or when the text starts with "{"; GIFT otherwise. */
export function detectFormat(requested: 'auto' | ImportFormat, source: string, filename = ''): ImportFormat {
	if (requested !== 'auto') return requested;
	if (/\.json$/i.test(filename)) return 'json';
	if (/\.(gift|txt)$/i.test(filename)) return 'gift';
	return source.trimStart().startsWith('{') ? 'json' : 'gift';
}

export function sourceTooLarge(bytes: number): string | null {
	if (bytes <= limits.importBytes) return null;
	return `The file is ${kilobytes(bytes)}; imports are limited to 1 MB (1,024 KB). Split it into smaller files and import them one by one.`;
}

/** Parses and checks everything; saves nothing. */
export function planImport(source: string, format: ImportFormat): ImportPlan {
	const text = source.replace(/^\uFEFF/, '');
	const tooLarge = sourceTooLarge(new TextEncoder().encode(text).length);
	if (tooLarge) return { format, questions: [], errors: [tooLarge] };
	if (text.trim() === '') return { format, questions: [], errors: ['There is nothing to import: paste questions or choose a file.'] };

	const errors: string[] = [];
	let questions: Question[];
	if (format === 'gift') {
		const parsed = parseGift(text);
		errors.push(...parsed.errors.map(formatGiftError));
		for (const question of parsed.questions) {
			for (const problem of [...findOversizedFields(question), ...findDeceptiveFields(question)]) errors.push(`Line ${question.line}: ${problem}.`);
		}
		questions = parsed.questions.map(stripParseInfo);
	} else {
		const parsed = parseQuestionsJson(text);
		errors.push(...parsed.errors.map((e) => e.message));
		parsed.questions.forEach((question, i) => {
			for (const problem of [...findOversizedFields(question), ...findDeceptiveFields(question)]) errors.push(`questions[${i}]: ${problem}.`);
		});
		questions = parsed.questions;
	}
	if (questions.length > limits.importQuestions) {
		errors.unshift(`The file has ${questions.length.toLocaleString('en-US')} questions; one import can hold at most ${limits.importQuestions.toLocaleString('en-US')}. Split it into smaller files.`);
	}
	if (questions.length === 0 && errors.length === 0) errors.push('No questions were found in this file.');
	return { format, questions: errors.length ? [] : questions, errors };
}

export type ImportTarget = { kind: 'bank' } | { kind: 'new'; title: string } | { kind: 'quiz'; quiz: Pick<Quiz, 'id' | 'courseId' | 'status' | 'title'> };

/** Saves every question into the course bank, and into a quiz when asked, in one transaction. */
export async function saveImport(courseId: number, questions: Question[], target: ImportTarget): Promise<{ count: number; quizId: number | null }> {
	return db.transaction(async (tx) => {
		const ids: number[] = [];
		for (const question of questions) ids.push(await insertQuestion(tx, courseId, question));
		let quizId: number | null = null;
		if (target.kind === 'new') {
			const [quiz] = await tx
				.insert(table.quizzes)
				.values({ courseId, kind: 'practice', title: target.title, status: 'draft', ...lessonCheckSettings })
				.returning({ id: table.quizzes.id });
			quizId = quiz.id;
		} else if (target.kind === 'quiz') {
			quizId = target.quiz.id;
		}
		if (quizId !== null) await addQuestionsToQuiz(tx, { id: quizId, courseId }, ids);
		return { count: ids.length, quizId };
	});
}

/** GIFT text; questions GIFT cannot express (ordering) are listed in a comment at the top instead. */
export function exportGift(questions: Question[], heading: string): string {
	const { gift, skipped } = writeGift(questions);
	const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
	// "// Touchstone export of" first: a heading like "Points: ..." must not read as a // points: line.
	const lines = [`// Touchstone export of ${oneLine(heading)}`, `// ${questions.length - skipped.length} of ${questions.length} questions are included.`];
	for (const { question, reason } of skipped) {
		lines.push(`// Not included: “${oneLine(question.title ?? question.text).slice(0, 80)}” (${reason}). Export as JSON to keep it.`);
	}
	return `${lines.join('\n')}\n\n${gift}`;
}

export function exportJson(questions: Question[]): string {
	return writeQuestionsJson(questions);
}

/** A Response that downloads as a file. */
export function download(body: string, filename: string, type: string): Response {
	const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
	return new Response(body, {
		headers: {
			'content-type': `${type}; charset=utf-8`,
			'content-disposition': `attachment; filename="${safe}"`,
			'cache-control': 'private, no-store'
		}
	});
}

export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}
