import { describe, expect, it } from 'vitest';
import { formatCeHours } from './format';

describe('formatCeHours', () => {
	it('writes CEs the way NCBTMB asks (never CEUs)', () => {
		expect(formatCeHours(2.5)).toBe('2.5 CEs');
		expect(formatCeHours(12)).toBe('12 CEs');
		expect(formatCeHours(1)).toBe('1 CE');
		expect(formatCeHours(0.25)).toBe('0.25 CEs');
		expect(formatCeHours(0.1 + 0.2)).toBe('0.3 CEs');
	});

	it('rejects nonsense', () => {
		expect(() => formatCeHours(-1)).toThrow(RangeError);
		expect(() => formatCeHours(Number.NaN)).toThrow(RangeError);
	});
});
