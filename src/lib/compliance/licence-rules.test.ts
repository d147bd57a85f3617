import { describe, expect, it } from 'vitest';
import { findJurisdiction } from './jurisdictions';
import { homeStudyAllowance, isReportable, licenceFormSchema } from './licence-rules';

const parse = (values: Record<string, string>) => licenceFormSchema.safeParse({ profession: 'massage-therapist', ...values });

describe('licence form', () => {
	it('accepts a Florida MA number typed in lower case with a space', () => {
		const result = parse({ jurisdiction: 'FL', number: ' ma 12345 ' });
		expect(result.success && result.data.number).toBe('MA12345');
	});

	it('refuses a Florida number without the MA prefix, naming the expected format', () => {
		const result = parse({ jurisdiction: 'FL', number: '12345' });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0].message).toBe('Florida licence numbers look like MA12345. Enter it as shown on your licence.');
		expect(result.error!.issues[0].path).toEqual(['number']);
	});

	it('checks only the generic shape where no format is published', () => {
		expect(parse({ jurisdiction: 'TX', number: 'mt-0042' }).success).toBe(true);
		expect(parse({ jurisdiction: 'TX', number: '<script>' }).success).toBe(false);
		expect(parse({ jurisdiction: 'GA', number: '' }).error!.issues[0].message).toBe('Enter your licence number.');
	});

	it('refuses an unknown jurisdiction and reads consent from a checkbox', () => {
		expect(parse({ jurisdiction: 'ZZ', number: 'A1' }).success).toBe(false);
		const result = parse({ jurisdiction: 'GA', number: 'MT001234', consent: 'on' });
		expect(result.success && result.data.consent).toBe(true);
		expect(parse({ jurisdiction: 'GA', number: 'MT001234' }).data?.consent).toBe(false);
	});
});

describe('self-study caps', () => {
	it('New York counts at most 12 of 36 hours of home study', () => {
		const a = homeStudyAllowance(findJurisdiction('NY')!, 15.5);
		expect(a).toMatchObject({ earned: 15.5, countable: 12, cap: { max: 12, of: 36 } });
	});

	it('Tennessee counts at most 8 of 24', () => {
		expect(homeStudyAllowance(findJurisdiction('TN')!, 9).countable).toBe(8);
		expect(homeStudyAllowance(findJurisdiction('TN')!, 3.25).countable).toBe(3.25);
	});

	it('Florida has no home-study cap but says in-person hours cannot come from here', () => {
		const a = homeStudyAllowance(findJurisdiction('FL')!, 20);
		expect(a.countable).toBe(20);
		expect(a.cap).toBeNull();
		expect(a.inPersonNote).toMatch(/in-person/);
	});
});

describe('reportable licences', () => {
	it('reports Florida always and Georgia only with consent', () => {
		expect(isReportable(findJurisdiction('FL')!, false)).toBe(true);
		expect(isReportable(findJurisdiction('GA')!, false)).toBe(false);
		expect(isReportable(findJurisdiction('GA')!, true)).toBe(true);
		expect(isReportable(findJurisdiction('NY')!, true)).toBe(false);
	});
});
