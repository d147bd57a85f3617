import { createClient } from '@libsql/client';
import { maskQuestionIds } from '../../src/lib/quiz/mask';
import type { Question } from '../../src/lib/quiz/types';

export type Fields = Record<string, string | string[]>;

/** The form fields that answer a question fully correctly (or, with wrong=true, incorrectly where possible). */
export function answerFields(question: Question, prefix: string, wrong = false): Fields {
	switch (question.type) {
		case 'single': {
			const sorted = [...question.choices].sort((a, b) => b.weight - a.weight);
			return { [prefix]: (wrong ? sorted[sorted.length - 1] : sorted[0]).id };
		}
		case 'multiple':
			return { [prefix]: question.choices.filter((c) => (wrong ? c.weight <= 0 : c.weight > 0)).map((c) => c.id) };
		case 'truefalse':
			return { [prefix]: String(wrong ? !question.answer : question.answer) };
		case 'short':
			return { [prefix]: wrong ? 'zzz not it' : question.answers.find((a) => a.weight === 100)!.text };
		case 'numeric': {
			const a = question.answers.find((x) => x.weight === 100)!;
			const value = a.kind === 'range' ? a.min : a.value;
			return { [prefix]: String(wrong ? value + 1e6 : value) };
		}
		case 'matching':
			return Object.fromEntries(
				question.pairs.filter((p) => p.prompt.trim()).map((p) => [`${prefix}.${p.id}`, wrong ? '' : p.answer])
			);
		case 'ordering':
			return Object.fromEntries(
				question.items.map((item, i) => [`${prefix}.${item.id}`, String(wrong ? question.items.length - i : i + 1)])
			);
	}
}

/**
 * Reads an attempt's frozen questions straight from the test database and builds the form a student who knows
 * every answer would post (the ids are masked per attempt, exactly as the server does).
 */
export async function attemptAnswers(databaseUrl: string, attemptId: number, options: { wrong?: boolean } = {}) {
	const client = createClient({ url: databaseUrl });
	try {
		const [attempt] = (await client.execute({ sql: 'SELECT seed FROM attempts WHERE id = ?', args: [attemptId] })).rows;
		const rows = (await client.execute({ sql: 'SELECT aq.position, v.snapshot FROM attempt_questions aq JOIN question_versions v ON v.id = aq.version_id WHERE aq.attempt_id = ? ORDER BY aq.position', args: [attemptId] })).rows;
		const fields: Fields = {};
		const questions: Question[] = [];
		for (const row of rows) {
			const question = maskQuestionIds(JSON.parse(String(row.snapshot)) as Question, `${attempt.seed}:${row.position}`);
			questions.push(question);
			Object.assign(fields, answerFields(question, `q${row.position}`, options.wrong));
		}
		return { fields, questions };
	} finally {
		client.close();
	}
}

export async function sqlOn(databaseUrl: string, sql: string, args: (string | number | null)[] = []) {
	const client = createClient({ url: databaseUrl });
	try {
		return (await client.execute({ sql, args })).rows;
	} finally {
		client.close();
	}
}
