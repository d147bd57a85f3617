import { json } from '@sveltejs/kit';
import { issuerProfile } from '$lib/server/certification/documents';
import type { RequestHandler } from './$types';

/** The Open Badges issuer Profile: the `issuer.id` of every credential resolves here. */
export const GET: RequestHandler = () =>
	json(issuerProfile(), { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
