// Text other people read is held to the rule names already follow (hasDeceptiveCharacters in
// src/lib/validation/text.ts): a right-to-left override (U+202E) or a control character in a quiz title or
// description, a question or bank tag, an imported title or tag, or a self-reported ledger entry is refused with
// 400 and a message that says why, and nothing is saved.
import { describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { formFields, visibleText } from '../helpers/html';
import type { TestServer } from '../helpers/server';
import { useWorld, type World } from '../helpers/world';

let server: TestServer;
let world: World;

useWorld((s, w) => {
	server = s;
	world = w;
});

const RLO = '\u202E';

/** Everything a refused write could have touched. */
async function snapshot() {
	const one = async (sql: string) => String((await sqlOn(server.databaseUrl, sql))[0].v);
	return {
		quizzes: await one("SELECT group_concat(id || ':' || title || ':' || coalesce(description, ''), '|') AS v FROM quizzes"),
		questions: await one("SELECT group_concat(id || ':' || data || ':' || tags, '|') AS v FROM questions"),
		quizQuestions: await one('SELECT count(*) AS v FROM quiz_questions'),
		draws: await one('SELECT count(*) AS v FROM quiz_draws'),
		ledger: await one("SELECT group_concat(id || ':' || provider || ':' || title, '|') AS v FROM ce_entries")
	};
}

async function post(actor: 'student' | 'instructor', path: string, fields: Record<string, string> | [string, string][]) {
	const grouped: Record<string, string[]> = {};
	for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields)) (grouped[k] ??= []).push(v);
	const res = await world.clients[actor].post(path, grouped);
	return { status: res.status, text: visibleText(await res.text()) };
}

describe('text-direction overrides and control characters', () => {
	it('are refused in quiz titles, descriptions, tags, imports and ledger entries, saving nothing', { timeout: 60_000 }, async () => {
		const w = world.ids;
		const editor = `/instructor/quizzes/${w.quizA}/questions/${w.questionA}`;
		const editorFields = formFields(await world.clients.instructor.text(editor), '?/save');
		const settingsFields = formFields(await world.clients.instructor.text(`/instructor/quizzes/${w.quizA}`), '?/settings');
		const importPath = `/instructor/courses/${w.courseA}/import?/confirm`;
		const ledger = { provider: 'Elsewhere', title: 'Ethics', earnedOn: '2025-01-01', hours: '1', category: 'ethics', format: 'in-person' };
		const cases: { label: string; actor: 'student' | 'instructor'; path: string; fields: Record<string, string> | [string, string][]; says: string }[] = [
			{
				label: 'new quiz title',
				actor: 'instructor',
				path: `/instructor/courses/${w.courseA}/quizzes/new`,
				fields: { title: `Ethics ${RLO}citsiht`, description: '', kind: 'practice', lessonId: '' },
				says: 'Titles cannot contain control characters or text-direction overrides.'
			},
			{
				label: 'new quiz description',
				actor: 'instructor',
				path: `/instructor/courses/${w.courseA}/quizzes/new`,
				fields: { title: 'Ethics', description: `Intro\n\nread ${RLO}siht`, kind: 'practice', lessonId: '' },
				says: 'The description cannot contain control characters or text-direction overrides.'
			},
			{
				label: 'quiz settings title',
				actor: 'instructor',
				path: `/instructor/quizzes/${w.quizA}?/settings`,
				fields: settingsFields.map(([k, v]): [string, string] => (k === 'title' ? [k, `Quiz ${RLO}A`] : [k, v])),
				says: 'Titles cannot contain control characters or text-direction overrides.'
			},
			{
				label: 'question tag in the editor',
				actor: 'instructor',
				path: `${editor}?/save`,
				fields: editorFields.map(([k, v]): [string, string] => (k === 'tags' ? [k, `${v}, lac${RLO}tate`] : [k, v])),
				says: 'Tags cannot contain control characters or text-direction overrides.'
			},
			{
				label: 'new bank question tag',
				actor: 'instructor',
				path: `/instructor/courses/${w.courseA}/bank/new?/save`,
				fields: { type: 'truefalse', text: 'Is it?', points: '1', answer: 'true', tags: `bank${RLO}tag` },
				says: 'Tags cannot contain control characters or text-direction overrides.'
			},
			{
				label: 'draw rule tag',
				actor: 'instructor',
				path: `/instructor/quizzes/${w.quizA}?/addDraw`,
				fields: { tag: `lac${RLO}tate`, count: '1' },
				says: 'Tags cannot contain control characters or text-direction overrides.'
			},
			{
				label: 'GIFT import tag and title',
				actor: 'instructor',
				path: importPath,
				fields: { source: `::Fine::Is it? {T}\n\n// tags: ok, lac${RLO}tate\n::kc${RLO}one::Is it? {F}`, format: 'gift', target: 'bank' },
				says: 'Line 4: the title contains a control character or a text-direction override, which is not allowed.'
			},
			{
				label: 'GIFT import tag (message)',
				actor: 'instructor',
				path: importPath,
				fields: { source: `::Fine::Is it? {T}\n\n// tags: ok, lac${RLO}tate\n::Two::Is it? {F}`, format: 'gift', target: 'bank' },
				says: 'Line 4: the tag “lac<U+202E>tate” contains a control character or a text-direction override, which is not allowed.'
			},
			{
				label: 'JSON import title',
				actor: 'instructor',
				path: importPath,
				fields: { source: JSON.stringify({ questions: [{ type: 'truefalse', title: `t${RLO}x`, text: 'Is it?', answer: true }] }), format: 'json', target: 'bank' },
				says: 'questions[0]: the title contains a control character or a text-direction override'
			},
			{
				label: 'new quiz title of an import',
				actor: 'instructor',
				path: importPath,
				fields: { source: '::Fine::Is it? {T}', format: 'gift', target: 'new', quizTitle: `Imported ${RLO}ziuq` },
				says: 'Titles cannot contain control characters or text-direction overrides.'
			},
			{ label: 'ledger provider', actor: 'student', path: '/ledger?/add', fields: { ...ledger, provider: `Else${RLO}erehw` }, says: 'The provider cannot contain control characters or text-direction overrides.' },
			{ label: 'ledger course title', actor: 'student', path: '/ledger?/add', fields: { ...ledger, title: `Ethics${RLO}` }, says: 'The course title cannot contain control characters or text-direction overrides.' },
			{ label: 'ledger control character', actor: 'student', path: '/ledger?/add', fields: { ...ledger, title: 'Ethics\u0007' }, says: 'The course title cannot contain control characters or text-direction overrides.' }
		];
		const problems: string[] = [];
		for (const { label, actor, path, fields, says } of cases) {
			const before = await snapshot();
			const res = await post(actor, path, fields);
			if (res.status !== 400) problems.push(`${label}: status ${res.status}`);
			if (!res.text.includes(says)) problems.push(`${label}: does not say “${says}”`);
			const after = await snapshot();
			for (const key of Object.keys(before) as (keyof typeof before)[]) if (after[key] !== before[key]) problems.push(`${label}: ${key} changed`);
		}
		expect(problems).toEqual([]);
	});

	it('still accepts text in every script', async () => {
		const w = world.ids;
		const created = await post('instructor', `/instructor/courses/${w.courseA}/quizzes/new`, { title: 'Éthique — 倫理 — أخلاقيات', description: 'Línea uno\n\n- punto', kind: 'practice', lessonId: '' });
		expect(created.status).toBe(303);
		const added = await post('student', '/ledger?/add', { provider: 'Académie 山田', title: 'עברית', earnedOn: '2025-01-01', hours: '1', category: 'ethics', format: 'in-person' });
		expect(added.status).toBe(200);
		expect(added.text).toContain('Added 1 CE hour from Académie 山田.');
	});
});
