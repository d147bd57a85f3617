import { readFileSync } from 'node:fs';
import { parseTrials } from '../../src/lib/appraisal/trials';
import type { Answer } from '../../src/lib/appraisal/pedro';
import { buildWithFixtureLessons } from './fixture-build';

// The appraisal exercise's test fixture: a one-lesson course (tests/fixtures/appraisal/lessons) with two invented
// trials, built into its own copy of the app because the real catalog has no appraisal lesson to test against.

export const FIXTURE_LESSONS = 'tests/fixtures/appraisal/lessons';
export const LESSON_PATH = '/courses/appraisal-fixture/appraise-a-trial';

export const fixtureTrials = parseTrials(
	'trials.yaml',
	readFileSync(`${FIXTURE_LESSONS}/01-appraisal-fixture/trials.yaml`, 'utf8'),
	new Set(['fixturetrial2026', 'fixturepilot2026'])
);

export function buildAppraisalFixture(): string {
	return buildWithFixtureLessons(FIXTURE_LESSONS);
}

/** The expert key's answers of a fixture trial, item 1 first. */
export function expertAnswers(trialId: string): Answer[] {
	return fixtureTrials.get(trialId)!.key.map((k) => k.answer);
}

/** The posted form for a trial: its id and item1..item11. */
export function appraisalFields(trialId: string, answers: Answer[]): Record<string, string> {
	return { trial: trialId, ...Object.fromEntries(answers.map((a, i) => [`item${i + 1}`, a])) };
}
