import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceCategories } from '../content/schema';
import { ceHourCategories, isCeHourCategory, parseCeProfiles, parseTracks } from './schema';

const lessonsDir = join(process.cwd(), 'lessons');
const read = (name: string) => readFileSync(join(lessonsDir, name), 'utf8');
const courseSlugs = readdirSync(lessonsDir, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name.replace(/^\d{2}-/, ''));

const track = (overrides: Record<string, unknown> = {}) => ({
	id: 'a-track',
	title: 'A track',
	description: 'One sentence.',
	requiredCourses: ['science-of-massage'],
	minFinalExamPercent: 80,
	minCeHours: 0,
	validityMonths: 24,
	...overrides
});

const profile = (overrides: Record<string, unknown> = {}) => ({
	id: 'a-board',
	label: 'A board, check with your board',
	source: 'Rule 1.2.3',
	cycleMonths: 24,
	totalHours: 24,
	minimums: {},
	maximums: {},
	carryOver: false,
	...overrides
});

// JSON is valid YAML, which keeps the fixtures short.
const yaml = (value: unknown) => JSON.stringify(value);

describe('shipped lessons/tracks.yaml', () => {
	it('ships the Evidence-Informed Massage Practitioner track over the science and safety courses, and two more', () => {
		const tracks = parseTracks(read('tracks.yaml'), { courseSlugs });
		expect(tracks.map((t) => [t.id, t.requiredCourses])).toEqual([
			['evidence-informed-massage-practitioner', ['science-of-massage', 'safe-practice-on-the-care-team']],
			['ethical-massage-practitioner', ['safe-practice-on-the-care-team', 'ethics-claims-consent-and-boundaries']],
			['evidence-informed-pain-care', ['science-of-massage', 'pain-context-and-communication']]
		]);
		const [t] = tracks;
		expect(t).toMatchObject({
			id: 'evidence-informed-massage-practitioner',
			title: 'Evidence-Informed Massage Practitioner',
			requiredCourses: ['science-of-massage', 'safe-practice-on-the-care-team'],
			minFinalExamPercent: 80,
			minCeHours: 0,
			validityMonths: 24
		});
		const sentences = t.description.split(/(?<=[.!?])\s+/).filter(Boolean);
		expect(sentences.length).toBeGreaterThanOrEqual(1);
		expect(sentences.length).toBeLessThanOrEqual(2);
	});

	it('explains the minCeHours choice in a comment', () => {
		expect(read('tracks.yaml')).toMatch(/#.*minCeHours|0 on purpose/);
	});
});

describe('shipped lessons/ce-profiles.yaml', () => {
	const profiles = parseCeProfiles(read('ce-profiles.yaml'));
	const byId = new Map(profiles.map((p) => [p.id, p]));

	it('ships NCBTMB, Florida and New York, each telling the reader to check with their board', () => {
		expect([...byId.keys()]).toEqual(['ncbtmb-board-certification', 'florida-lmt', 'new-york-lmt']);
		for (const p of profiles) {
			expect(p.label.toLowerCase()).toContain('check with your board');
			expect(p.source.length).toBeGreaterThan(10);
			expect(p.carryOver).toBe(false);
		}
	});

	it('encodes NCBTMB Board Certification renewal', () => {
		expect(byId.get('ncbtmb-board-certification')).toMatchObject({
			cycleMonths: 24,
			totalHours: 24,
			minimums: { ethics: 3 },
			maximums: { 'self-care': 4 }
		});
		expect(byId.get('ncbtmb-board-certification')!.maxSelfStudyHours).toBeUndefined();
	});

	it('encodes Florida 64B7-28.009 with its category minimums and first-cycle note', () => {
		const fl = byId.get('florida-lmt')!;
		expect(fl).toMatchObject({
			cycleMonths: 24,
			totalHours: 24,
			minimums: { 'medical-errors': 2, 'laws-and-rules': 2, ethics: 2, 'human-trafficking': 1, 'hands-on': 12 },
			maximums: {}
		});
		expect(fl.source).toContain('64B7-28.009');
		expect(fl.note).toMatch(/first renewal/i);
		expect(fl.note).toMatch(/1 hour for each month/);
	});

	it('encodes New York with its self-study cap', () => {
		expect(byId.get('new-york-lmt')).toMatchObject({
			cycleMonths: 36,
			totalHours: 36,
			minimums: {},
			maximums: {},
			maxSelfStudyHours: 12
		});
		expect(byId.get('new-york-lmt')!.source).toContain('NYSED');
	});
});

describe('categories', () => {
	it('include every course category plus the board-specific ones', () => {
		for (const c of ceCategories) expect(ceHourCategories).toContain(c);
		expect(ceHourCategories).toEqual([
			'science',
			'safety',
			'ethics',
			'self-care',
			'professional',
			'medical-errors',
			'laws-and-rules',
			'human-trafficking',
			'hands-on'
		]);
		expect(isCeHourCategory('hands-on')).toBe(true);
		expect(isCeHourCategory('spirituality')).toBe(false);
	});
});

describe('parseTracks errors', () => {
	it('names the file, the track (from 1) and the field', () => {
		expect(() => parseTracks(yaml([track({ validityMonths: 0 })]))).toThrow(
			/^tracks\.yaml: track 1, field "validityMonths": /
		);
		expect(() => parseTracks(yaml([track(), track({ id: 'b', minFinalExamPercent: 120 })]))).toThrow(
			/^tracks\.yaml: track 2, field "minFinalExamPercent": /
		);
		expect(() => parseTracks(yaml([track({ requiredCourses: ['Science Of Massage'] })]))).toThrow(
			'tracks.yaml: track 1, field "requiredCourses.0": use lowercase words joined by hyphens'
		);
	});

	it('rejects missing and unknown fields', () => {
		const { title: _title, ...noTitle } = track();
		expect(() => parseTracks(yaml([noTitle]))).toThrow(/^tracks\.yaml: track 1, field "title": /);
		expect(() => parseTracks(yaml([track({ validity: 24 })]))).toThrow(
			'tracks.yaml: track 1, field "validity": unknown field'
		);
	});

	it('rejects duplicates', () => {
		expect(() => parseTracks(yaml([track(), track()]))).toThrow(
			'tracks.yaml: track 2, field "id": duplicate id "a-track"'
		);
		expect(() => parseTracks(yaml([track({ requiredCourses: ['a', 'a'] })]))).toThrow(
			'tracks.yaml: track 1, field "requiredCourses": a course is listed twice'
		);
		expect(() => parseTracks(yaml([track({ requiredCourses: [] })]))).toThrow(/field "requiredCourses"/);
	});

	it('checks course slugs when they are given', () => {
		expect(() =>
			parseTracks(yaml([track({ requiredCourses: ['science-of-massage', 'reiki'] })]), { courseSlugs })
		).toThrow('tracks.yaml: track 1, field "requiredCourses.1": unknown course "reiki"');
		expect(parseTracks(yaml([track({ requiredCourses: ['reiki'] })]))[0].requiredCourses).toEqual(['reiki']);
	});

	it('reports YAML that is broken, empty or not a list', () => {
		expect(() => parseTracks('- id: [unclosed')).toThrow(/^tracks\.yaml: invalid YAML: /);
		expect(() => parseTracks('')).toThrow(/^tracks\.yaml: no tracks/);
		expect(() => parseTracks('id: a')).toThrow(/^tracks\.yaml: expected a list of tracks/);
		expect(() => parseTracks('- just a string')).toThrow(/^tracks\.yaml: track 1: /);
	});

	it('throws an Error', () => {
		expect(() => parseTracks(yaml([track({ validityMonths: 1.5 })]))).toThrow(Error);
	});
});

describe('parseCeProfiles errors', () => {
	it('rejects an unknown category, naming the field and the allowed list', () => {
		expect(() => parseCeProfiles(yaml([profile({ minimums: { spirituality: 2 } })]))).toThrow(
			/^ce-profiles\.yaml: profile 1, field "minimums\.spirituality": unknown category; use one of science, safety, .*hands-on$/
		);
		expect(() => parseCeProfiles(yaml([profile(), profile({ id: 'b', maximums: { selfcare: 4 } })]))).toThrow(
			/^ce-profiles\.yaml: profile 2, field "maximums\.selfcare": unknown category/
		);
	});

	it('rejects carry-over and a label without "check with your board"', () => {
		expect(() => parseCeProfiles(yaml([profile({ carryOver: true })]))).toThrow(
			/^ce-profiles\.yaml: profile 1, field "carryOver": carry-over is not supported/
		);
		expect(() => parseCeProfiles(yaml([profile({ label: 'A board' })]))).toThrow(
			/^ce-profiles\.yaml: profile 1, field "label": the label must tell the reader/
		);
	});

	it('rejects numbers that cannot be right', () => {
		expect(() => parseCeProfiles(yaml([profile({ cycleMonths: 0 })]))).toThrow(/field "cycleMonths"/);
		expect(() => parseCeProfiles(yaml([profile({ totalHours: 0 })]))).toThrow(/field "totalHours"/);
		expect(() => parseCeProfiles(yaml([profile({ minimums: { ethics: -1 } })]))).toThrow(
			/field "minimums\.ethics"/
		);
		expect(() =>
			parseCeProfiles(yaml([profile({ minimums: { 'self-care': 5 }, maximums: { 'self-care': 4 } })]))
		).toThrow('ce-profiles.yaml: profile 1, field "minimums.self-care": minimum 5 is above the maximum 4 for the same category');
		expect(() => parseCeProfiles(yaml([profile({ minimums: { ethics: 20, 'hands-on': 12 } })]))).toThrow(
			'ce-profiles.yaml: profile 1, field "minimums": the minimums add up to 32 hours, more than totalHours (24)'
		);
		expect(() => parseCeProfiles(yaml([profile({ maxSelfStudyHours: 30 })]))).toThrow(
			/^ce-profiles\.yaml: profile 1, field "maxSelfStudyHours": is above totalHours/
		);
	});

	it('requires minimums and maximums (possibly empty) and rejects duplicate ids', () => {
		const { minimums: _m, ...noMinimums } = profile();
		expect(() => parseCeProfiles(yaml([noMinimums]))).toThrow(/profile 1, field "minimums"/);
		expect(() => parseCeProfiles(yaml([profile(), profile()]))).toThrow(
			'ce-profiles.yaml: profile 2, field "id": duplicate id "a-board"'
		);
	});
});
