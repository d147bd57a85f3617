// Validating a licence a learner enters, and what each licence means for their home-study hours. Pure.

import { z } from 'zod';
import { findJurisdiction, jurisdictionIds, professionIds, type Jurisdiction } from './jurisdictions';

/** Any licence number: letters, digits, spaces and hyphens (a state's own format is checked on top). */
const GENERIC_NUMBER = /^[A-Z0-9][A-Z0-9 -]{1,23}$/;

/** Upper-cases and trims what was typed: "ma 12345" and "MA12345" are the same licence. */
export function normalizeLicenceNumber(raw: string): string {
	return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/** Null when the number is acceptable for the jurisdiction, otherwise the message to show beside the field. */
export function licenceNumberProblem(jurisdiction: Jurisdiction, number: string): string | null {
	if (!number) return 'Enter your licence number.';
	if (jurisdiction.numberFormat) {
		const { pattern, example } = jurisdiction.numberFormat;
		if (!pattern.test(number))
			return `${jurisdiction.name} licence numbers look like ${example}. Enter it as shown on your licence.`;
		return null;
	}
	if (!GENERIC_NUMBER.test(number)) return 'Use the letters and digits shown on your licence (hyphens are fine).';
	return null;
}

/** The licence form: jurisdiction, number, profession and, where a rule asks for it, consent to report. */
export const licenceFormSchema = z
	.object({
		jurisdiction: z.enum(jurisdictionIds, { error: 'Choose where you are licensed.' }),
		number: z.string().max(40, 'That licence number is too long.').transform(normalizeLicenceNumber),
		profession: z.enum(professionIds, { error: 'Choose your profession.' }),
		consent: z
			.string()
			.optional()
			.transform((v) => v === 'on' || v === 'yes')
	})
	.superRefine((v, ctx) => {
		const jurisdiction = findJurisdiction(v.jurisdiction)!;
		const problem = licenceNumberProblem(jurisdiction, v.number);
		if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: problem });
	});

export type LicenceForm = z.output<typeof licenceFormSchema>;

export interface HomeStudyAllowance {
	jurisdiction: string;
	/** Home-study hours the learner earned with this provider in the period considered. */
	earned: number;
	/** Of those, how many can count for this licence (null when the rule sets no cap). */
	countable: number;
	cap: { max: number; of: number; source: string } | null;
	inPersonNote: string | null;
}

/** How many of `homeStudyHours` count toward a licence's renewal under its self-study cap. */
export function homeStudyAllowance(jurisdiction: Jurisdiction, homeStudyHours: number): HomeStudyAllowance {
	const cap = jurisdiction.selfStudyCap ?? null;
	const earned = Math.round(homeStudyHours * 100) / 100;
	return {
		jurisdiction: jurisdiction.id,
		earned,
		countable: cap ? Math.min(earned, cap.max) : earned,
		cap,
		inPersonNote: jurisdiction.inPersonNote ?? null
	};
}

/** Whether completions for this licence go on the reporting queue (the rule requires it and consent is there if asked). */
export function isReportable(jurisdiction: Jurisdiction, reportConsent: boolean): boolean {
	if (!jurisdiction.reporting) return false;
	return !jurisdiction.reporting.consentRequired || reportConsent;
}
