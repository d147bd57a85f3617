import type { Question, Response } from './types';

// Plain-language descriptions of answers for the review page. Texts stay Markdown; the page renders them safely.

const pct = (w: number) => (w === 100 ? '' : ` (${w}%)`);

/** The right answer(s), as a student should read them at review. */
export function describeCorrectAnswer(q: Question): string[] {
	switch (q.type) {
		case 'single':
			return q.choices.filter((c) => c.weight > 0).sort((a, b) => b.weight - a.weight).map((c) => c.text + pct(c.weight));
		case 'multiple':
			return q.choices.filter((c) => c.weight > 0).map((c) => c.text);
		case 'truefalse':
			return [q.answer ? 'True' : 'False'];
		case 'short':
			return q.answers.filter((a) => a.weight > 0).map((a) => a.text + pct(a.weight));
		case 'numeric':
			return q.answers
				.filter((a) => a.weight > 0)
				.map((a) => (a.kind === 'range' ? `Between ${a.min} and ${a.max}` : a.tolerance ? `${a.value} ± ${a.tolerance}` : `${a.value}`) + pct(a.weight));
		case 'matching':
			return q.pairs.filter((p) => p.prompt.trim()).map((p) => `${p.prompt} → ${p.answer}`);
		case 'ordering':
			return q.items.map((item, i) => `${i + 1}. ${item.text}`);
	}
}

/** What the student answered, in words. */
export function describeResponse(q: Question, r: Response | null | undefined): string[] {
	if (!r || r.type !== q.type) return [];
	switch (r.type) {
		case 'single': {
			const choice = q.type === 'single' ? q.choices.find((c) => c.id === r.choice) : undefined;
			return choice ? [choice.text] : [];
		}
		case 'multiple':
			return q.type === 'multiple' ? q.choices.filter((c) => r.choices.includes(c.id)).map((c) => c.text) : [];
		case 'truefalse':
			return r.value === undefined ? [] : [r.value ? 'True' : 'False'];
		case 'short':
			return r.text ? [r.text] : [];
		case 'numeric':
			return r.value === undefined ? [] : [String(r.value)];
		case 'matching':
			return q.type === 'matching'
				? q.pairs.filter((p) => r.matches[p.id]).map((p) => `${p.prompt} → ${r.matches[p.id]}`)
				: [];
		case 'ordering': {
			if (q.type !== 'ordering' || r.order.length === 0) return [];
			const text = new Map(q.items.map((i) => [i.id, i.text]));
			return r.order.map((id, i) => `${i + 1}. ${text.get(id) ?? '?'}`);
		}
	}
}
