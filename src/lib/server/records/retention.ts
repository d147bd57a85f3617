// Record retention. NCBTMB asks providers to keep certificates, rosters and (for home study) enrolment, test
// results and completion for 6 years, and to be able to reissue a certificate or transcript for as long.
//
// What a certificate rests on: enrollments (completion), attempts (test results), course_evaluations,
// course_certificates, certificates, licences and licence_versions, completion_reports. No command in the app deletes
// any of them: licences are marked removed, certificates revoked, ledger entries withdrawn. A command added later
// that deletes one (an account closure, a clean-up job) must call assertDeletable first and keep anything younger.

export const RETENTION_YEARS = 6;

export class RetentionError extends Error {}

/** The first instant a record made at `recordedAt` may be deleted. */
export function deletableFrom(recordedAt: Date): Date {
	const d = new Date(recordedAt);
	d.setUTCFullYear(d.getUTCFullYear() + RETENTION_YEARS);
	return d;
}

/** Throws unless every record is older than the retention period at `now`. */
export function assertDeletable(what: string, recordedAt: readonly Date[], now = new Date()): void {
	const kept = recordedAt.filter((at) => deletableFrom(at) > now);
	if (kept.length)
		throw new RetentionError(`${kept.length} ${what} must be kept until ${deletableFrom(new Date(Math.max(...kept.map((d) => d.getTime())))).toISOString().slice(0, 10)} (${RETENTION_YEARS}-year record retention).`);
}
