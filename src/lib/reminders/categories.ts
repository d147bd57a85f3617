// The mail Touchstone sends on its own: each kind belongs to a category the user can switch off. One source for the
// lists (the schema, the preferences page and the rules read them here).

export const mailCategories = ['renewal', 'expiry', 'review', 'evaluation', 'reporting'] as const;
export type MailCategory = (typeof mailCategories)[number];

export const mailKinds = ['renewal-deadline', 'certificate-expiry', 'review-digest', 'evaluation-pending', 'reporting-digest'] as const;
export type MailKind = (typeof mailKinds)[number];

export const mailStatuses = ['queued', 'claimed', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export interface CategoryInfo {
	label: string;
	description: string;
	/** On for a new account unless the user opts in (the review digest is opt-in). */
	defaultOn: boolean;
	/** Offered (and sent) to admins only. */
	adminOnly?: boolean;
}

export const categoryInfo: Record<MailCategory, CategoryInfo> = {
	renewal: {
		label: 'Renewal deadlines',
		description: 'Sixty, thirty and seven days before a CE cycle ends, while you are short of hours.',
		defaultOn: true
	},
	expiry: {
		label: 'Certificate expiry',
		description: 'Sixty and fourteen days before a track certificate expires.',
		defaultOn: true
	},
	review: {
		label: 'Weekly review digest',
		description: 'At most once a week: how many review cards are due.',
		defaultOn: false
	},
	evaluation: {
		label: 'Course evaluation pending',
		description: 'Once, three days after you pass a final, if the course evaluation is not submitted.',
		defaultOn: true
	},
	reporting: {
		label: 'Weekly reporting digest (admins)',
		description: 'Once a week while completions are due to a state tracking system within seven days, or overdue.',
		defaultOn: true,
		adminOnly: true
	}
};

export const categoryOfKind: Record<MailKind, MailCategory> = {
	'renewal-deadline': 'renewal',
	'certificate-expiry': 'expiry',
	'review-digest': 'review',
	'evaluation-pending': 'evaluation',
	'reporting-digest': 'reporting'
};

export function isMailCategory(value: string): value is MailCategory {
	return (mailCategories as readonly string[]).includes(value);
}
