import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { migrateDatabase } from '$lib/server/db/migrate';
import { syncContent } from '$lib/server/content/sync';
import { importCourseQuizzes } from '$lib/server/quiz/import';
import { ensureIssuerKey } from '$lib/server/certification/issuer-key';
import { config } from '$lib/server/env';
import { startJobSchedule } from '$lib/server/reminders/schedule';
import { ensureUnsubscribeKey } from '$lib/server/reminders/unsubscribe';
import { handleAuth } from './hooks/auth';
import { handleOversizedBody, handleUnreadBody } from './hooks/body';
import { handleSecurityHeaders } from './hooks/headers';
import { handleLogging } from './hooks/log';
import { handleCrossSiteForms } from './hooks/csrf';
import { handleAdminAudit, handleReadOnlyLoads, handleVerifyThrottle } from './hooks/guards';
import { handleLessonHtml } from './hooks/lesson-html';

export const init: ServerInit = async () => {
	await migrateDatabase();
	await syncContent();
	await importCourseQuizzes();
	await ensureIssuerKey();
	await ensureUnsubscribeKey();
	startJobSchedule(config.JOBS_INTERVAL_SECONDS);
};

// Security headers wrap the early 413 of handleOversizedBody too; that refusal comes before any session lookup.
export const handle = sequence(handleUnreadBody, handleLogging, handleSecurityHeaders, handleCrossSiteForms, handleOversizedBody, handleAuth, handleVerifyThrottle, handleAdminAudit, handleReadOnlyLoads, handleLessonHtml);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) console.error(`Error ${id} on ${event.route.id ?? '(no route)'}:`, error);
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, id };
};
