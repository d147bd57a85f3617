import { describe, expect, it } from 'vitest';
import { assertDeletable, deletableFrom, RetentionError } from './retention';

describe('record retention', () => {
	it('keeps records for 6 years', () => {
		expect(deletableFrom(new Date('2026-02-28T10:00:00Z')).toISOString()).toBe('2032-02-28T10:00:00.000Z');
		expect(() => assertDeletable('certificates', [new Date('2020-01-01T00:00:00Z')], new Date('2026-12-03T00:00:00Z'))).not.toThrow();
		expect(() => assertDeletable('certificates', [new Date('2021-01-01T00:00:00Z')], new Date('2026-12-03T00:00:00Z'))).toThrow(RetentionError);
		expect(() => assertDeletable('attempts', [new Date('2026-01-01T00:00:00Z')], new Date('2026-12-03T00:00:00Z'))).toThrow('1 attempts must be kept until 2032-01-01');
	});
});
