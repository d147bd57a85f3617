import { describe, expect, it } from 'vitest';
import { sqlOn } from '../helpers/answers';
import { useWorld, type World } from '../helpers/world';
import type { TestServer } from '../helpers/server';

// The assessment lint in the studio: advice on an instructor-made quiz, shown beside publishing but never
// blocking it.

let world: World;
let server: TestServer;
useWorld((s, w) => {
	server = s;
	world = w;
});

const rows = (list: Record<string, string>[]) => Object.fromEntries(list.flatMap((row, i) => Object.entries(row).map(([k, v]) => [`r${i}.${k}`, v])));

describe('assessment lint in the studio', () => {
	it('shows the mix and each weak item as advice, and still lets the instructor publish', async () => {
		const client = world.clients.instructor;
		const created = await client.post(`/instructor/courses/${world.ids.courseA}/quizzes/new`, { title: 'Lint me', description: 'A test.', kind: 'practice', lessonId: '' });
		expect(created.status).toBe(303);
		const quiz = Number(/\/instructor\/quizzes\/(\d+)/.exec(created.headers.get('location')!)![1]);
		const save = (fields: Record<string, string>) => client.post(`/instructor/quizzes/${quiz}/questions/new?/save`, fields);
		const twoOptions = { type: 'single', text: 'Which control suits a massage trial?', points: '1', tags: 'scenario', ...rows([{ text: 'Light touch', weight: '100', feedback: '' }, { text: 'Nothing', weight: '0', feedback: '' }]) };
		const recall = { type: 'numeric', text: 'How many men took part in the biopsy study?', points: '1', ...rows([{ kind: 'tolerance', value: '11', tolerance: '0', weight: '100', feedback: '' }]) };
		for (const fields of [twoOptions, recall]) expect((await save(fields)).status).toBeLessThan(400);

		const html = await (await client.get(`/instructor/quizzes/${quiz}`)).text();
		expect(html).toContain('Assessment mix: 2 items [single 1, numeric 1]; scenario 1/2 (50%); choice options 1×2');
		expect(html).toContain('Assessment advice (does not block publishing)');
		expect(html).toContain('<strong>Question 1 (Which control suits a massage trial?):</strong> has 2 options; a choice item needs at least 3.');
		expect(html).toMatch(/<strong>Question 2 \(How many men took part in the biopsy study\?\):<\/strong> tests recall, not judgement \(asks "how many"/);

		expect((await client.post(`/instructor/quizzes/${quiz}?/publish`, {})).status).toBe(200);
		const [row] = await sqlOn(server.databaseUrl, 'SELECT status FROM quizzes WHERE id = ?', [quiz]);
		expect(row.status).toBe('published');
	});
});
