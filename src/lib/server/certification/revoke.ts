// Admin actions on certificates. Nothing is deleted: revoking records when, by whom and why on the row; reissuing
// revokes the old certificate ("Reissued"), issues a new one with a new code and links the two. The public verify
// page reads the row on every request, so a revocation shows there at once.

import { and, eq, isNull } from 'drizzle-orm';
import { generateVerificationCode } from '$lib/certification/code';
import { db, table } from '../db';
import type { Certificate } from '../db/schema';
import { recordAudit } from '../audit/record';
import { UserError } from '../errors';
import { randomSalt } from './issue';

/** A refusal the admin should read; a UserError, so routes map it like any other. */
export class CertificateActionError extends UserError {
	constructor(message: string, status: 400 | 404 | 409 = 400) {
		super(message, status);
		this.name = 'CertificateActionError';
	}
}

export const REISSUED_REASON = 'Reissued';

async function loadCertificate(id: number): Promise<Certificate> {
	const [certificate] = await db.select().from(table.certificates).where(eq(table.certificates.id, id));
	if (!certificate) throw new CertificateActionError('There is no such certificate.', 404);
	return certificate;
}

export async function revokeCertificate(adminId: number, id: number, reason: string, now = new Date()): Promise<Certificate> {
	const certificate = await loadCertificate(id);
	if (certificate.revokedAt) throw new CertificateActionError(`Certificate ${certificate.code} is already revoked.`, 409);
	const [revoked] = await db
		.update(table.certificates)
		.set({ revokedAt: now, revokedReason: reason, revokedBy: adminId })
		.where(and(eq(table.certificates.id, id), isNull(table.certificates.revokedAt)))
		.returning();
	if (!revoked) throw new CertificateActionError(`Certificate ${certificate.code} is already revoked.`, 409);
	await recordAudit('certificate.revoke', adminId, `certificate:${id}`, reason);
	return revoked;
}

/**
 * Replaces a certificate with a new one: a new code, today's issue date, the holder's current name (the usual
 * reason to reissue), the same track, courses, hours, completion date and expiry (a reissue never extends validity).
 * The old one is revoked with the reason "Reissued" unless it was revoked already, and points to its replacement.
 */
export async function reissueCertificate(adminId: number, id: number, now = new Date()): Promise<Certificate> {
	const old = await loadCertificate(id);
	if (old.replacedById !== null) throw new CertificateActionError(`Certificate ${old.code} has already been reissued.`, 409);
	if (old.expiresAt && old.expiresAt.getTime() <= now.getTime())
		throw new CertificateActionError(`Certificate ${old.code} has expired; a reissue would not be valid either.`, 409);
	const created = await db.transaction(async (tx) => {
		const [holder] = await tx
			.select({ name: table.users.name, email: table.users.email })
			.from(table.users)
			.where(eq(table.users.id, old.userId));
		if (!old.revokedAt) {
			const revoked = await tx
				.update(table.certificates)
				.set({ revokedAt: now, revokedReason: REISSUED_REASON, revokedBy: adminId })
				.where(and(eq(table.certificates.id, id), isNull(table.certificates.revokedAt)))
				.returning({ id: table.certificates.id });
			if (revoked.length === 0) throw new CertificateActionError(`Certificate ${old.code} changed meanwhile; try again.`, 409);
		}
		const [fresh] = await tx
			.insert(table.certificates)
			.values({
				code: generateVerificationCode(),
				userId: old.userId,
				trackSlug: old.trackSlug,
				trackTitle: old.trackTitle,
				holderName: holder?.name ?? old.holderName,
				holderEmail: holder?.email ?? old.holderEmail,
				courses: old.courses,
				ceQuarterHours: old.ceQuarterHours,
				completedAt: old.completedAt,
				issuedAt: now,
				expiresAt: old.expiresAt,
				credentialSalt: randomSalt()
			})
			.onConflictDoNothing()
			.returning();
		if (!fresh)
			throw new CertificateActionError('This student already holds a valid certificate for this track; revoke it first.', 409);
		const linked = await tx
			.update(table.certificates)
			.set({ replacedById: fresh.id })
			.where(and(eq(table.certificates.id, id), isNull(table.certificates.replacedById)))
			.returning({ id: table.certificates.id });
		if (linked.length === 0) throw new CertificateActionError(`Certificate ${old.code} has already been reissued.`, 409);
		return fresh;
	});
	await recordAudit('certificate.reissue', adminId, `certificate:${id}`, `replaced by certificate:${created.id}`);
	return created;
}
