// The bodies a learner can hold a licence or certification with, and what each one's rules ask of a CE provider.
// Rule data, one place: licence formats, what a certificate must show, reporting to a tracking system, caps on
// home-study hours. Summaries of public rules (each names its source), never legal advice: every screen that
// applies one says which rule and tells the reader to check with their board.

export interface Reporting {
	/** The tracking system completions are reported to. */
	system: 'CE Broker';
	/** Days after completion by which the provider reports. */
	days: number;
	/** Report only for licensees who agreed to it (asked per licence). */
	consentRequired: boolean;
	source: string;
}

export interface Jurisdiction {
	/** Stored with each licence: keep stable. Two-letter state codes, as CE Broker's "State=" column wants. */
	id: string;
	name: string;
	/** What the learner holds there. */
	credential: string;
	/** Renewal profiles in lessons/ce-profiles.yaml that apply to holders. */
	profileIds: string[];
	/** Licence number format, where a public source states it; otherwise any letters, digits and hyphens. */
	numberFormat?: { pattern: RegExp; example: string; source: string };
	/** The certificate must print the licence number. */
	numberOnCertificate: boolean;
	reporting?: Reporting;
	/** At most `max` of `of` renewal hours may be home study / self-study / multimedia. */
	selfStudyCap?: { max: number; of: number; source: string };
	/** Hours an online course can never supply. */
	inPersonNote?: string;
}

export const jurisdictions: readonly Jurisdiction[] = [
	{
		id: 'NCBTMB',
		name: 'NCBTMB (Board Certification)',
		credential: 'Board Certification',
		profileIds: ['ncbtmb-board-certification'],
		numberOnCertificate: false
	},
	{
		id: 'FL',
		name: 'Florida',
		credential: 'massage therapist licence',
		profileIds: ['florida-lmt'],
		numberFormat: {
			pattern: /^MA\d{4,7}$/,
			example: 'MA12345',
			source: 'Florida Board of Massage Therapy: massage therapist licence numbers start with MA'
		},
		numberOnCertificate: true,
		reporting: {
			system: 'CE Broker',
			days: 30,
			consentRequired: false,
			source: 'Fla. Admin. Code 64B7-28.010: approved providers report completions to CE Broker within 30 days'
		},
		inPersonNote:
			'Florida requires 12 CE hours of in-person, hands-on instruction per biennium (64B7-28.009): online courses cannot supply them.'
	},
	{
		id: 'GA',
		name: 'Georgia',
		credential: 'massage therapist licence',
		profileIds: [],
		numberOnCertificate: false,
		reporting: {
			system: 'CE Broker',
			days: 7,
			consentRequired: true,
			source: 'Ga. Comp. R. & Regs. 345-4-.03: providers record credit in CE Broker within 7 days for licensees who consent'
		}
	},
	{
		id: 'NY',
		name: 'New York',
		credential: 'massage therapist registration',
		profileIds: ['new-york-lmt'],
		numberOnCertificate: false,
		selfStudyCap: { max: 12, of: 36, source: 'NYSED massage therapy CE: at most 12 of 36 hours self-instruction' }
	},
	{
		id: 'SC',
		name: 'South Carolina',
		credential: 'massage therapist licence',
		profileIds: [],
		numberOnCertificate: true
	},
	{
		id: 'TN',
		name: 'Tennessee',
		credential: 'massage therapist licence',
		profileIds: [],
		numberOnCertificate: false,
		selfStudyCap: { max: 8, of: 24, source: 'Tenn. Comp. R. & Regs. 0870-01-.12: at most 8 of 24 hours in multimedia formats' }
	},
	{
		id: 'TX',
		name: 'Texas',
		credential: 'massage therapist licence',
		profileIds: [],
		numberOnCertificate: false
	}
];

export const jurisdictionIds = jurisdictions.map((j) => j.id) as [string, ...string[]];

export function findJurisdiction(id: string): Jurisdiction | null {
	return jurisdictions.find((j) => j.id === id) ?? null;
}

/** What a learner is licensed or certified as (CE Broker assigns each a profession code, entered by an admin). */
export const professions = [
	{ id: 'massage-therapist', label: 'Massage therapist' },
	{ id: 'massage-instructor', label: 'Massage therapy instructor' }
] as const;

export type ProfessionId = (typeof professions)[number]['id'];
export const professionIds = professions.map((p) => p.id) as [ProfessionId, ...ProfessionId[]];

export function professionLabel(id: string): string {
	return professions.find((p) => p.id === id)?.label ?? id;
}
