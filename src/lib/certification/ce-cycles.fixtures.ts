// Shared by the ce-cycles*.test.ts files: the shipped renewal profiles and small builders of entries and profiles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { evaluateCycle, CeEntry } from './ce-cycles';
import { parseCeProfiles, type CeProfile } from './schema';

const shipped = new Map(
	parseCeProfiles(readFileSync(join(process.cwd(), 'lessons/ce-profiles.yaml'), 'utf8')).map((p) => [p.id, p])
);
export const NCBTMB = shipped.get('ncbtmb-board-certification')!;
export const FLORIDA = shipped.get('florida-lmt')!;
export const NEW_YORK = shipped.get('new-york-lmt')!;

export const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

export function entry(date: string, hours: number, category: string, opts: Partial<CeEntry> = {}): CeEntry {
	return { date: d(date), hours, category, selfReported: false, selfStudy: false, ...opts };
}

export const profile = (overrides: Partial<CeProfile>): CeProfile => ({
	id: 'test',
	label: 'Test, check with your board',
	source: 'test',
	cycleMonths: 24,
	totalHours: 24,
	minimums: {},
	maximums: {},
	carryOver: false,
	...overrides
});

export const start = d('2024-01-01');
export const now = d('2024-06-01');
export const row = (result: ReturnType<typeof evaluateCycle>, category: string) =>
	result.byCategory.find((c) => c.category === category);
