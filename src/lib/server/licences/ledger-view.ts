// What the CE ledger shows per licence: which renewal profiles the licence points to, and how many of the
// learner's home-study hours count toward it under the jurisdiction's self-study cap.

import { findJurisdiction } from '$lib/compliance/jurisdictions';
import { homeStudyAllowance, type HomeStudyAllowance } from '$lib/compliance/licence-rules';
import type { LedgerEntry } from '../certification/ledger';
import { catalog } from '../content/catalog';
import { listLicences } from './licences';

export interface LicenceLedgerRow extends HomeStudyAllowance {
	licenceId: number;
	name: string;
	number: string;
	/** Profiles the licence points to that the learner does not track yet. */
	untrackedProfiles: { id: string; label: string }[];
}

export async function licenceLedger(
	userId: number,
	entries: readonly LedgerEntry[],
	trackedProfileIds: readonly string[]
): Promise<LicenceLedgerRow[]> {
	const homeStudy = entries.filter((e) => e.selfStudy).reduce((sum, e) => sum + e.hours, 0);
	const rows: LicenceLedgerRow[] = [];
	for (const licence of await listLicences(userId)) {
		const jurisdiction = findJurisdiction(licence.jurisdiction);
		if (!jurisdiction) continue;
		rows.push({
			...homeStudyAllowance(jurisdiction, homeStudy),
			licenceId: licence.licenceId,
			name: jurisdiction.name,
			number: licence.number,
			untrackedProfiles: catalog.ceProfiles
				.filter((p) => jurisdiction.profileIds.includes(p.id) && !trackedProfileIds.includes(p.id))
				.map((p) => ({ id: p.id, label: p.label }))
		});
	}
	return rows;
}
