// The Ed25519 key that signs Open Badges credentials. Generated once, on first use (or at start through
// ensureIssuerKey), and kept in the issuer_keys table so every process and every restart signs with the same key.
// The private half never leaves this module except to sign; only the public half is published (/issuer/keys).

import { asc } from 'drizzle-orm';
import type { JWK } from 'jose';
import { db, table } from '../db';
import { generateIssuerKeyPair } from './keys';

export interface StoredIssuerKey {
	kid: string;
	publicJwk: JWK;
	privateJwk: JWK;
}

let cached: Promise<StoredIssuerKey> | null = null;

const oldestFirst = [asc(table.issuerKeys.createdAt), asc(table.issuerKeys.kid)] as const;

/**
 * Loads the signing key, generating and storing it when the table is empty. The check and the insert run in one
 * write transaction (BEGIN IMMEDIATE), so two processes starting at once still end up with one key; should a second
 * row ever exist, everyone signs with the oldest.
 */
async function loadOrCreateIssuerKey(): Promise<StoredIssuerKey> {
	const [existing] = await db.select().from(table.issuerKeys).orderBy(...oldestFirst).limit(1);
	if (existing) return toStored(existing);
	const fresh = await generateIssuerKeyPair();
	await db.transaction(async (tx) => {
		const [again] = await tx.select({ kid: table.issuerKeys.kid }).from(table.issuerKeys).limit(1);
		if (again) return;
		await tx
			.insert(table.issuerKeys)
			.values({
				kid: fresh.kid,
				publicJwk: fresh.publicJwk as Record<string, unknown>,
				privateJwk: fresh.privateJwk as Record<string, unknown>
			})
			.onConflictDoNothing();
	});
	const [chosen] = await db.select().from(table.issuerKeys).orderBy(...oldestFirst).limit(1);
	if (!chosen) throw new Error('The issuer key could not be stored');
	return toStored(chosen);
}

function toStored(row: typeof table.issuerKeys.$inferSelect): StoredIssuerKey {
	return { kid: row.kid, publicJwk: publicPart(row.publicJwk as JWK), privateJwk: row.privateJwk as JWK };
}

/** Only the members an Ed25519 public JWK has, whatever was stored. */
function publicPart(jwk: JWK): JWK {
	return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

/** The key that signs credentials (loaded once per process). */
export function getIssuerKey(): Promise<StoredIssuerKey> {
	if (!cached) {
		cached = loadOrCreateIssuerKey();
		cached.catch(() => (cached = null)); // a failed attempt (database busy) is retried on the next call
	}
	return cached;
}

/** Creates the key at start so the first download does not pay for it. Safe to call any number of times. */
export async function ensureIssuerKey(): Promise<void> {
	await getIssuerKey();
}

/** Every public key that has signed credentials here, oldest first, for the published key set. */
export async function listIssuerPublicKeys(): Promise<{ kid: string; publicJwk: JWK }[]> {
	await getIssuerKey();
	const rows = await db
		.select({ kid: table.issuerKeys.kid, publicJwk: table.issuerKeys.publicJwk })
		.from(table.issuerKeys)
		.orderBy(...oldestFirst);
	return rows.map((r) => ({ kid: r.kid, publicJwk: publicPart(r.publicJwk as JWK) }));
}
