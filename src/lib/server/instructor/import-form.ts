// Reading the import page's form: pasted text or an uploaded file, the format and where the questions go.
// Sizes are checked before a file is read, and a body the server refuses outright gets a message, not a crash.
import { and, eq, isNull } from 'drizzle-orm';
import { limits } from '$lib/validation/instructor';
import { deceptiveTextMessage, hasDeceptiveCharacters } from '$lib/validation/text';
import { db, table } from '../db';
import { detectFormat, sourceTooLarge, type ImportFormat, type ImportTarget } from './transfer';

export interface ImportRequest {
	source: string;
	format: ImportFormat;
	requestedFormat: 'auto' | ImportFormat;
	/** Echoed to the page: target kind, new quiz title, chosen quiz id. */
	target: string;
	quizTitle: string;
	quizId: string;
	/** The pasted text (not an uploaded file's), echoed into the textarea when the import is refused. */
	pasted: string;
}

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** The body was refused by the server (adapter-node's BODY_SIZE_LIMIT) before the action could read it. */
function bodyRefusedMessage(error: unknown): string | null {
	const status = (error as { status?: unknown } | null)?.status;
	const text = String((error as { message?: unknown } | null)?.message ?? '');
	if (status !== 413 && !/BODY_SIZE_LIMIT|exceeds limit/.test(text)) return null;
	const bytes = Number(/(?:limit of|BODY_SIZE_LIMIT of) (\d+)/.exec(text)?.[1]);
	const limit = Number.isFinite(bytes) && bytes > 0 ? ` (${Math.round(bytes / 1024)} KB)` : '';
	return `The upload is larger than this server accepts${limit}. Imports are limited to 1 MB; split the file into smaller ones.`;
}

/** A refused request: status 413 when the body was over the server's limit, 400 otherwise. */
type Refused = { ok: false; status: 400 | 413; message: string; echo: Partial<ImportRequest> };

export async function readImportRequest(request: Request): Promise<{ ok: true; data: ImportRequest } | Refused> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (error) {
		const refused = bodyRefusedMessage(error);
		return refused ? { ok: false, status: 413, message: refused, echo: {} } : { ok: false, status: 400, message: 'The form could not be read. Please try again.', echo: {} };
	}
	const requested = field(form, 'format');
	const requestedFormat: 'auto' | ImportFormat = requested === 'gift' || requested === 'json' ? requested : 'auto';
	const echo = { requestedFormat, target: field(form, 'target') || 'bank', quizTitle: field(form, 'quizTitle'), quizId: field(form, 'quizId') };
	const file = form.get('file');
	let source = field(form, 'source');
	let filename = '';
	if (file instanceof File && file.size > 0) {
		const tooLarge = sourceTooLarge(file.size);
		if (tooLarge) return { ok: false, status: 400, message: tooLarge, echo };
		source = await file.text();
		filename = file.name;
	} else {
		const tooLarge = sourceTooLarge(new TextEncoder().encode(source).length);
		if (tooLarge) return { ok: false, status: 400, message: tooLarge, echo };
	}
	source = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	return { ok: true, data: { ...echo, source, pasted: filename ? '' : source, format: detectFormat(requestedFormat, source, filename) } };
}

/** The import target, checked against the course: a quiz id of another course is refused. */
export async function resolveTarget(courseId: number, data: ImportRequest): Promise<ImportTarget | string> {
	if (data.target === 'new') {
		const title = data.quizTitle.trim();
		if (!title) return 'Enter a title for the new quiz.';
		if (title.length > limits.title) return `Titles can be at most ${limits.title} characters.`;
		if (hasDeceptiveCharacters(title)) return deceptiveTextMessage('Titles');
		return { kind: 'new', title };
	}
	if (data.target === 'quiz') {
		const id = Number(data.quizId);
		const [quiz] = Number.isSafeInteger(id) && id > 0
			? await db
					.select({ id: table.quizzes.id, courseId: table.quizzes.courseId, status: table.quizzes.status, title: table.quizzes.title })
					.from(table.quizzes)
					.where(and(eq(table.quizzes.id, id), eq(table.quizzes.courseId, courseId), isNull(table.quizzes.deletedAt)))
			: [];
		if (!quiz) return 'Choose a quiz of this course.';
		return { kind: 'quiz', quiz };
	}
	return { kind: 'bank' };
}
