import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stripAnswers } from '$lib/quiz/answer-key';
import { describeCorrectAnswer } from '$lib/quiz/describe';
import { gradeQuestion } from '$lib/quiz/grade';
import { parseResponse, type FormFields } from '$lib/quiz/responses';
import { ratingFromOutcome, ratings } from '$lib/review/schedule';
import { requireUser } from '$lib/server/auth/guards';
import { catalog } from '$lib/server/content/catalog';
import { db, table } from '$lib/server/db';
import { readForm, readFormFields } from '$lib/server/forms';
import { countDueCards, dueCards, nextDueAt } from '$lib/server/review/queue';
import { formatRelativeDue } from '$lib/format';
import { REVIEW_SESSION_COOKIE, REVIEW_SESSION_IDLE_SECONDS, afterRating, parseReviewSession, reviewProgress, serializeReviewSession } from '$lib/review/session';
import { config } from '$lib/server/env';
import { findOwnCard, rateReviewCard, reviewQuestion } from '$lib/server/review/review';
import { saveReviewSettings } from '$lib/server/review/settings';
import type { Actions, PageServerLoad } from './$types';

const PREFIX = 'answer';

export const load: PageServerLoad = async ({ cookies }) => {
	const user = requireUser();
	const now = new Date();
	const { cards, settings, hiddenCount } = await dueCards(user.id, now);
	const card = cards[0];
	const session = parseReviewSession(cookies.get(REVIEW_SESSION_COOKIE), user.id);
	const next = card ? null : await nextDueAt(user.id, now);
	const course = card
		? (await db.select({ title: table.courses.title }).from(table.courses).where(eq(table.courses.id, card.courseId)))[0]
		: null;
	return {
		settings,
		remaining: cards.length,
		progress: reviewProgress(session, cards.length),
		reviewedInSession: session?.done ?? 0,
		nextDue: next && formatRelativeDue(next, now),
		hiddenCount,
		card: card && {
			id: card.id,
			reps: card.reps,
			courseTitle: course?.title ?? '',
			isNew: card.introducedAt === null,
			question: stripAnswers(reviewQuestion(card), `review:${card.id}:${card.reps}`, { shuffleChoices: true })
		}
	};
};

export const actions: Actions = {
	/** Grades the answer and shows the right answer; nothing is recorded until the student rates it. */
	answer: async ({ request }) => {
		const user = requireUser();
		const fields = await readFormFields(request);
		const card = await findOwnCard(user.id, Number(fields.card));
		if (!card) return fail(404, { message: 'There is no such question in your review.' });
		if (String(card.reps) !== fields.reps) return fail(409, { message: 'That question was already reviewed. Here is the next one.' });
		const question = reviewQuestion(card);
		const response = parseResponse(question, fields, PREFIX);
		const graded = gradeQuestion(question, response);
		const reference = question.cite ? catalog.bibliography.get(question.cite) : undefined;
		const carried = Object.entries(fields).filter(([k]) => k === PREFIX || k.startsWith(`${PREFIX}.`));
		return {
			result: {
				cardId: card.id,
				reps: card.reps,
				status: graded.status,
				feedback: graded.feedback,
				correctAnswer: describeCorrectAnswer(question),
				explanation: question.explanation ?? null,
				source: reference ? `${reference.authors} (${reference.year ?? 'n.d.'}). ${reference.title}. ${reference.journal}.` : null,
				suggested: ratingFromOutcome(graded.status === 'correct' ? true : graded.status === 'partial' ? 'partial' : false),
				carried: carried.flatMap(([k, v]) => [v ?? ''].flat().map((value) => ({ name: k, value })))
			}
		};
	},
	/** Records the review: the grade comes from the (re-graded) answer, adjusted by the student's own rating. */
	rate: async ({ request, cookies }) => {
		const user = requireUser();
		const fields = await readFormFields(request);
		const card = await findOwnCard(user.id, Number(fields.card));
		if (!card) return fail(404, { message: 'There is no such question in your review.' });
		const rating = ratings.find((r) => r === fields.rating);
		const response = parseResponse(reviewQuestion(card), fields, PREFIX);
		const dueBefore = await countDueCards(user.id);
		const outcome = await rateReviewCard(user.id, card.id, Number(fields.reps), response, rating);
		if (!outcome.recorded) return { reviewed: { message: 'That question was already reviewed.' } };
		const session = afterRating(parseReviewSession(cookies.get(REVIEW_SESSION_COOKIE), user.id), user.id, dueBefore);
		cookies.set(REVIEW_SESSION_COOKIE, serializeReviewSession(session), {
			path: '/review',
			httpOnly: true,
			sameSite: 'lax',
			secure: config.ORIGIN.startsWith('https:'),
			maxAge: REVIEW_SESSION_IDLE_SECONDS
		});
		return { reviewed: { message: `This question comes back ${formatRelativeDue(outcome.due, new Date())}.`, rating: outcome.rating } };
	},
	settings: async ({ request }) => {
		const user = requireUser();
		const form = await readForm(
			request,
			z.object({
				dailyNewLimit: z.coerce.number({ error: 'Enter a number of new questions.' }).int().min(0, 'Use 0 to 500 new questions a day.').max(500, 'Use 0 to 500 new questions a day.'),
				retention: z.coerce.number({ error: 'Enter a target retention.' }).min(70, 'Target retention is between 70% and 97%.').max(97, 'Target retention is between 70% and 97%.')
			})
		);
		if (!form.ok) return fail(400, { settings: { message: form.message } });
		await saveReviewSettings(user.id, form.data.dailyNewLimit, form.data.retention / 100);
		return { settings: { success: 'Review settings saved.' } };
	}
};
