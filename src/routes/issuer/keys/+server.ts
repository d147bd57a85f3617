import { json } from '@sveltejs/kit';
import { issuerKeySet } from '$lib/server/certification/documents';
import type { RequestHandler } from './$types';

/**
 * The issuer's public signing keys as a JWK Set. Every credential's JWT header names this URL in its `kid`
 * (`<origin>/issuer/keys#<thumbprint>`), so anyone can check a badge's signature with nothing else.
 */
export const GET: RequestHandler = async () =>
	json(await issuerKeySet(), {
		headers: {
			'content-type': 'application/jwk-set+json',
			'cache-control': 'public, max-age=300',
			'access-control-allow-origin': '*'
		}
	});
