import { requireUser } from '$lib/server/auth/guards';
import { buildTranscript } from '$lib/server/course-certificates/transcript';
import { signTranscript } from '$lib/server/course-certificates/transcript-credential';
import { getProvider } from '$lib/server/provider/settings';
import type { RequestHandler } from './$types';

/** The transcript as a signed CLR-style credential (VC-JWT), checkable with the keys at /issuer/keys. */
export const GET: RequestHandler = async () => {
	const user = requireUser();
	const provider = await getProvider();
	const jwt = await signTranscript(await buildTranscript(user.id), { name: provider.name, number: provider.providerNumber });
	return new Response(jwt, {
		headers: { 'content-type': 'application/vc+jwt', 'content-disposition': 'attachment; filename="touchstone-ce-transcript.jwt"', 'cache-control': 'private, no-store' }
	});
};
