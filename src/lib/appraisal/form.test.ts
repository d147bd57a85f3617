import { describe, expect, it } from 'vitest';
import { readAppraisalForm } from './form';

const all = (answer: string) => Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`item${i + 1}`, answer]));

describe('readAppraisalForm', () => {
	it('reads the trial and the 11 ratings, item 1 first', () => {
		const form = readAppraisalForm({ trial: 'some-trial', ...all('no'), item2: 'yes' });
		expect(form).toEqual({ ok: true, trial: 'some-trial', answers: ['no', 'yes', ...Array(9).fill('no')] });
	});

	it('names the unanswered items and keeps the ratings already given', () => {
		const { item3: _, item7: __, ...rest } = all('yes');
		const form = readAppraisalForm({ trial: 'some-trial', ...rest });
		expect(form).toMatchObject({ ok: false, trial: 'some-trial', message: 'Rate every item yes or no before scoring: items 3 and 7 have no answer.' });
		expect(form.ok === false && Object.keys(form.chosen)).toHaveLength(9);
	});

	it('treats a value other than yes or no as unanswered', () => {
		const form = readAppraisalForm({ trial: 'some-trial', ...all('yes'), item11: 'maybe' });
		expect(form).toMatchObject({ ok: false, message: 'Rate every item yes or no before scoring: item 11 has no answer.' });
		expect(form.ok === false && 11 in form.chosen).toBe(false);
	});

	it('names every item of an empty form', () => {
		expect(readAppraisalForm({ trial: 'some-trial' })).toMatchObject({ ok: false, message: 'Rate every item yes or no before scoring: items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 11 have no answer.', chosen: {} });
	});

	it('refuses a missing or malformed trial id', () => {
		expect(readAppraisalForm(all('yes'))).toMatchObject({ ok: false, message: 'This lesson has no such trial to appraise.' });
		expect(readAppraisalForm({ trial: '../Etc', ...all('yes') })).toMatchObject({ ok: false, message: 'This lesson has no such trial to appraise.' });
	});
});
