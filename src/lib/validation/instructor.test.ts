import { describe, expect, it } from 'vitest';
import { parseGift } from '$lib/gift/parse';
import { createQuizSchema, drawRuleSchema, findDeceptiveFields, quizSettingsSchema } from './instructor';

const quiz = (title: string, description = '') => createQuizSchema.safeParse({ title, description, kind: 'practice' });
const messageOf = (parsed: { error?: { issues: { message: string }[] } }) => parsed.error?.issues[0].message;

describe('quiz titles and descriptions', () => {
	it('refuse text-direction overrides and control characters, with a message', () => {
		for (const title of ['Ethics \u202Ecitsiht', 'a\u2067b', 'nul\u0000', 'two\nlines']) {
			expect(messageOf(quiz(title)), JSON.stringify(title)).toBe('Titles cannot contain control characters or text-direction overrides.');
		}
		expect(messageOf(quiz('Fine', 'Intro\n\n\u202Eevil'))).toBe('The description cannot contain control characters or text-direction overrides.');
		expect(messageOf(quiz('Fine', 'bell\u0007'))).toBe('The description cannot contain control characters or text-direction overrides.');
	});

	it('accept every script, and line breaks and tabs in the Markdown description', () => {
		expect(quiz('Évaluation — 山田 — عربى', 'Line one\r\n\n- item\n\tcode').success).toBe(true);
	});

	it('apply to the settings form too', () => {
		const settings = { title: 'x\u202Dy', description: '', kind: 'practice', passingPercent: '70', gradingMethod: 'highest', reviewCorrectness: 'never', reviewFeedback: 'never', reviewAnswers: 'never' };
		expect(messageOf(quizSettingsSchema.safeParse(settings))).toBe('Titles cannot contain control characters or text-direction overrides.');
		expect(quizSettingsSchema.safeParse({ ...settings, title: 'xy' }).success).toBe(true);
	});
});

describe('draw rule tags', () => {
	it('refuse text-direction overrides', () => {
		expect(messageOf(drawRuleSchema.safeParse({ tag: 'lac\u202Etate', count: '1' }))).toBe('Tags cannot contain control characters or text-direction overrides.');
		expect(drawRuleSchema.safeParse({ tag: 'lactate', count: '1' }).success).toBe(true);
	});
});

describe('findDeceptiveFields (imports)', () => {
	it('names the imported title and tags that break the rule, showing the hidden characters', () => {
		const { questions } = parseGift('// tags: fine, lac\u202Etate\n::kc\u2066one::Is it? {T}\n\n::Plain::Is it? {F}');
		expect(questions.map((q) => [q.line, findDeceptiveFields(q)])).toEqual([
			[
				2,
				[
					'the title contains a control character or a text-direction override, which is not allowed',
					'the tag “lac<U+202E>tate” contains a control character or a text-direction override, which is not allowed'
				]
			],
			[4, []]
		]);
	});
});
