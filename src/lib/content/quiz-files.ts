import { formatGiftError, parseGift } from '../gift/parse';
import { parseQuestionsJson } from '../gift/json';
import type { Question } from '../quiz/types';
import { ContentError } from './errors';

/**
 * Parses the GIFT and JSON quiz files of one folder (quiz.gift + quiz.json, final.gift + final.json, checks.gift)
 * into question lists by base name, failing with the file and line on any syntax error or unknown citation.
 */
export function parseQuizFiles(dir: string, files: Record<string, string>, citations: Set<string>): Map<string, Question[]> {
	const byBase = new Map<string, Question[]>();
	for (const [name, source] of Object.entries(files).sort()) {
		const file = `${dir}/${name}`;
		const base = name.replace(/\.(gift|json)$/, '');
		let questions: Question[];
		if (name.endsWith('.gift')) {
			const result = parseGift(source);
			if (result.errors.length) throw new ContentError(file, formatGiftError(result.errors[0]));
			questions = result.questions.map(({ line: _line, category: _category, ...q }) => q as Question);
		} else {
			const result = parseQuestionsJson(source);
			if (result.errors.length) throw new ContentError(file, result.errors[0].message);
			questions = result.questions;
		}
		for (const q of questions) {
			if (q.cite && !citations.has(q.cite)) {
				throw new ContentError(file, `question "${q.title ?? q.text.slice(0, 40)}": unknown citation key "${q.cite}"`);
			}
		}
		byBase.set(base, [...(byBase.get(base) ?? []), ...questions]);
	}
	return byBase;
}
