import type { Handle } from '@sveltejs/kit';
import { resolveWithLessonHtml } from '$lib/content/lesson-html';

/** Writes a lesson's cached HTML into its page in place of the markers the page was rendered with. */
export const handleLessonHtml: Handle = ({ event, resolve }) => resolveWithLessonHtml(event, resolve);
