import { requireUser } from '$lib/server/auth/guards';
import { buildTranscript } from '$lib/server/course-certificates/transcript';
import { renderTranscriptPdf } from '$lib/server/course-certificates/transcript-pdf';
import { getProvider } from '$lib/server/provider/settings';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const user = requireUser();
	const provider = await getProvider();
	const pdf = await renderTranscriptPdf(await buildTranscript(user.id), { ...provider, number: provider.providerNumber }, new Date());
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="touchstone-ce-transcript.pdf"', 'cache-control': 'private, no-store' }
	});
};
