import { describe, expect, it } from 'vitest';
import { changeNameSchema } from './account';

const nameOf = (name: string) => changeNameSchema.safeParse({ name });

describe('names', () => {
	it('accepts names in every script, with marks, joiners and punctuation', () => {
		for (const name of ['Sam Student', 'Zoë O’Brien-Łukasz', '山田 太郎', 'محمد علي', 'श्रीनिवास', 'Ana 👩‍⚕️', 'José\u200dMaría']) {
			expect(nameOf(name).success, name).toBe(true);
		}
	});

	it('refuses control characters and text-direction overrides, which would let a name read as another', () => {
		for (const name of ['Sam \u202Enoskcaj', 'Sam\u2066x\u2069', 'Sam\u202Ax', 'a\u0000b', 'two\nlines', 'tab\there', 'c1\u0085x']) {
			const parsed = nameOf(name);
			expect(parsed.success, JSON.stringify(name)).toBe(false);
			expect(parsed.error?.issues[0].message).toMatch(/control characters or text-direction/);
		}
	});

	it('still trims and limits the length', () => {
		expect(nameOf('  Sam  ').data?.name).toBe('Sam');
		expect(nameOf('n'.repeat(101)).success).toBe(false);
	});
});
