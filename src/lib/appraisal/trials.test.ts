import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { publicTrial, parseTrials } from './trials';

const FILE = '/lessons/01-x/trials.yaml';
const fixture = readFileSync('tests/fixtures/appraisal/lessons/01-appraisal-fixture/trials.yaml', 'utf8');
const keys = new Set(['fixturetrial2026', 'fixturepilot2026']);

/** The fixture as data, changed by `edit`, back to YAML. */
function edited(edit: (data: { trials: Record<string, unknown>[] }) => void): string {
	const data = parse(fixture) as { trials: Record<string, unknown>[] };
	edit(data);
	return stringify(data);
}

describe('parseTrials', () => {
	it('reads the agreed format: id, cite, title, the seven-field summary, an 11-item key and PEDro’s own score', () => {
		const trials = parseTrials(FILE, fixture, keys);
		expect([...trials.keys()]).toEqual(['fixture-good-trial', 'fixture-pilot']);
		const good = trials.get('fixture-good-trial')!;
		expect(good.key).toHaveLength(11);
		expect(good.key[4]).toMatchObject({ item: 5, answer: 'no', decidedBy: 'blinding' });
		expect(good.pedroDatabaseScore).toBe(8);
		expect(trials.get('fixture-pilot')!.pedroDatabaseScore).toBeUndefined();
	});

	it('gives the browser the summary but never the key or its explanations', () => {
		const shown = JSON.stringify(publicTrial(parseTrials(FILE, fixture, keys).get('fixture-good-trial')!));
		expect(shown).toContain('computer-generated list');
		expect(shown).not.toMatch(/"key"|decidedBy|explanation|pedroDatabaseScore/);
		expect(shown).not.toContain('cannot be blind to it');
	});

	const failures: [string, (d: { trials: Record<string, unknown>[] }) => void, RegExp][] = [
		['a non-kebab id', (d) => (d.trials[0].id = 'Fixture_Good'), /trial 1 \(Fixture_Good\), field "id": ids are kebab-case/],
		['a missing summary field', (d) => delete (d.trials[1].summary as Record<string, unknown>).dropouts, /trial 2 \(fixture-pilot\), field "summary.dropouts"/],
		['an unknown summary field', (d) => ((d.trials[0].summary as Record<string, unknown>).funding = 'x'), /trial 1 .*field "summary"/],
		['an answer other than yes or no', (d) => ((d.trials[0].key as Record<string, unknown>[])[2].answer = 'maybe'), /field "key.2.answer": must be yes or no/],
		['a YAML boolean answer', (d) => ((d.trials[0].key as Record<string, unknown>[])[2].answer = true), /field "key.2.answer"/],
		['decidedBy naming no summary field', (d) => ((d.trials[0].key as Record<string, unknown>[])[0].decidedBy = 'methods'), /field "key.0.decidedBy": must name a summary field/],
		['a key of 10 items', (d) => (d.trials[0].key as unknown[]).pop(), /field "key": the key rates all 11 PEDro items/],
		['key items out of order', (d) => (d.trials[0].key as unknown[]).reverse(), /field "key": list items 1 to 11 once each, in order/],
		['a PEDro score above 10', (d) => (d.trials[0].pedroDatabaseScore = 11), /field "pedroDatabaseScore"/],
		['a duplicate id', (d) => (d.trials[1].id = 'fixture-good-trial'), /duplicate trial id "fixture-good-trial"/],
		['a citation missing from the bibliography', (d) => (d.trials[1].cite = 'nosuch2020'), /trial "fixture-pilot", field "cite": unknown citation key "nosuch2020"/],
		['no trials', (d) => (d.trials = []), /field "trials"/]
	];
	for (const [what, edit, message] of failures) {
		it(`fails naming the file and field for ${what}`, () => {
			expect(() => parseTrials(FILE, edited(edit), keys)).toThrow(message);
			expect(() => parseTrials(FILE, edited(edit), keys)).toThrow(FILE);
		});
	}

	it('fails on YAML that does not parse', () => {
		expect(() => parseTrials(FILE, 'trials: [unclosed', keys)).toThrow(/trials\.yaml: not valid YAML/);
	});
});
