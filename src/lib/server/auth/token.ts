import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 20 random bytes (160 bits), base32: unguessable and safe in a cookie or a URL. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Only this hash (SHA-256 of the UTF-8 token, lowercase hex) is stored, so a leaked database does not hand out live
 * sessions or reset links. Every signed-in request hashes its cookie: Node's native hash, not a JavaScript one.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
