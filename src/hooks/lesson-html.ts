import type { Handle } from '@sveltejs/kit';
import { resolveWithLessonHtml } from '$lib/content/lesson-html';

/**
 * Writes a lesson's cached HTML into its page in place of the markers the page was rendered with. Last in the
 * sequence: it takes the finished page from transformPageChunk, so a handle that transforms pages must come after.
 */
export const handleLessonHtml: Handle = ({ event, resolve }) => resolveWithLessonHtml(event, resolve);
