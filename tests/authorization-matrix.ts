import type { Actor, World } from './helpers/world';
import * as compliance from './authorization-matrix-compliance';
import * as reminders from './authorization-matrix-reminders';

/**
 * Every route of the app (pages, form actions, endpoints) against every actor, with the outcome expected:
 * 'ok' (served: 2xx, or a redirect that is not to login), 'login' (redirected to log in), or the exact status. A
 * row whose body is deliberately incomplete (`invalidBody`) may answer an allowed actor 400 from validation; any
 * other 400 is a mismatch. tests/integration/authorization.test.ts walks the table
 * against a running server; another test fails when a route exists that the table does not list.
 *
 * Actors: anonymous visitor; student (who owns the attempt, card, certificate and ledger entry used in paths);
 * otherStudent; otherInstructor (teaches course B); instructor (teaches course A, whose quiz and bank are used);
 * admin. Bodies are empty or harmless so that an allowed request fails validation rather than changing data,
 * except where noted; entries run in table order, so destructive ones come after the reads that need the data.
 */
export type Outcome = 'ok' | 'login' | 401 | 403 | 404 | 409 | 410;
export type Expectation = Record<Actor, Outcome>;

export interface RouteCase {
	/** Route id as SvelteKit names it, the method, and for actions the action name. */
	route: string;
	method: 'GET' | 'POST';
	action?: string;
	path: (w: World) => string;
	body?: (w: World) => Record<string, string>;
	json?: boolean;
	/** Use a fresh session of the actor (the request ends the session it uses). */
	fresh?: boolean;
	/** The body or token is incomplete or forged on purpose: an allowed actor gets 400, which counts as 'ok'. */
	invalidBody?: boolean;
	expect: Expectation;
}

const everyone: Expectation = { anonymous: 'ok', student: 'ok', otherStudent: 'ok', otherInstructor: 'ok', instructor: 'ok', admin: 'ok' };
const signedIn: Expectation = { ...everyone, anonymous: 'login' };
const ownerOnly: Expectation = { anonymous: 'login', student: 'ok', otherStudent: 404, otherInstructor: 404, instructor: 404, admin: 404 };
const staff: Expectation = { anonymous: 'login', student: 403, otherStudent: 403, otherInstructor: 'ok', instructor: 'ok', admin: 'ok' };
const courseA: Expectation = { anonymous: 'login', student: 403, otherStudent: 403, otherInstructor: 403, instructor: 'ok', admin: 'ok' };
const adminOnly: Expectation = { anonymous: 'login', student: 403, otherStudent: 403, otherInstructor: 403, instructor: 403, admin: 'ok' };

const quiz = (w: World) => `/instructor/quizzes/${w.ids.quizA}`;
const course = (w: World) => `/instructor/courses/${w.ids.courseA}`;
const lesson = '/courses/science-of-massage/weighing-the-evidence';

export const matrix: RouteCase[] = [
	// Public pages and endpoints
	{ route: '/(public)', method: 'GET', path: () => '/', expect: everyone },
	{ route: '/(public)/courses', method: 'GET', path: () => '/courses', expect: everyone },
	{ route: '/(public)/courses/[course]', method: 'GET', path: () => '/courses/science-of-massage', expect: everyone },
	{ route: '/(public)/courses/[course]', method: 'POST', action: 'enroll', path: () => '/courses/science-of-massage?/enroll', expect: signedIn },
	{ route: '/(public)/courses/[course]/[lesson]', method: 'GET', path: () => lesson, expect: everyone },
	{ route: '/(public)/courses/[course]/[lesson]', method: 'POST', action: 'check', path: () => `${lesson}?/check`, invalidBody: true, expect: everyone },
	// The lesson here has no appraisal, so an empty form is refused (400) after access was granted, for everyone.
	{ route: '/(public)/courses/[course]/[lesson]', method: 'POST', action: 'appraise', path: () => `${lesson}?/appraise`, invalidBody: true, expect: everyone },
	{ route: '/(public)/courses/[course]/[lesson]', method: 'POST', action: 'finish', path: () => `${lesson}?/finish`, expect: signedIn },
	{ route: '/(public)/evidence', method: 'GET', path: () => '/evidence?grade=contradicted&topic=circulation', expect: everyone },
	{ route: '/(public)/evidence-grades', method: 'GET', path: () => '/evidence-grades', expect: everyone },
	{ route: '/(public)/search', method: 'GET', path: () => '/search?q=cortisol', expect: everyone },
	{ route: '/(public)/verify', method: 'GET', path: () => '/verify', expect: everyone },
	{ route: '/(public)/verify/[code]', method: 'GET', path: (w) => `/verify/${w.ids.certificateCode}`, expect: everyone },
	{ route: '/issuer', method: 'GET', path: () => '/issuer', expect: everyone },
	{ route: '/issuer/keys', method: 'GET', path: () => '/issuer/keys', expect: everyone },
	{ route: '/healthz', method: 'GET', path: () => '/healthz', expect: everyone },

	// Accounts
	{ route: '/(auth)/login', method: 'GET', path: () => '/login', expect: everyone },
	{ route: '/(auth)/login', method: 'POST', action: 'default', path: () => '/login', invalidBody: true, expect: everyone },
	{ route: '/(auth)/register', method: 'GET', path: () => '/register', expect: everyone },
	{ route: '/(auth)/register', method: 'POST', action: 'default', path: () => '/register', invalidBody: true, expect: everyone },
	{ route: '/(auth)/forgot-password', method: 'GET', path: () => '/forgot-password', expect: everyone },
	{ route: '/(auth)/forgot-password', method: 'POST', action: 'default', path: () => '/forgot-password', invalidBody: true, expect: everyone },
	{ route: '/(auth)/reset-password/[token]', method: 'GET', path: () => '/reset-password/notarealtoken', expect: everyone },
	{ route: '/(auth)/reset-password/[token]', method: 'POST', action: 'default', path: () => '/reset-password/notarealtoken', invalidBody: true, expect: everyone },
	{ route: '/(auth)/logout', method: 'GET', path: () => '/logout', expect: everyone },
	{ route: '/(auth)/logout', method: 'POST', action: 'default', path: () => '/logout', fresh: true, expect: everyone },
	{ route: '/(app)/account', method: 'GET', path: () => '/account', expect: signedIn },
	{ route: '/(app)/account', method: 'POST', action: 'name', path: () => '/account?/name', invalidBody: true, expect: signedIn },
	{ route: '/(app)/account', method: 'POST', action: 'password', path: () => '/account?/password', invalidBody: true, expect: signedIn },
	...compliance.learner,
	...reminders.learner,

	// Learning
	{ route: '/(app)/dashboard', method: 'GET', path: () => '/dashboard', expect: signedIn },
	{ route: '/(app)/quizzes/[quiz]', method: 'GET', path: (w) => `/quizzes/${w.ids.quizA}`, expect: signedIn },
	{ route: '/(app)/quizzes/[quiz]', method: 'POST', action: 'start', path: (w) => `/quizzes/${w.ids.quizA}?/start`, expect: signedIn },
	{ route: '/(app)/attempts/[attempt=id]', method: 'GET', path: (w) => `/attempts/${w.ids.openAttempt}`, expect: ownerOnly },
	{ route: '/(app)/attempts/[attempt=id]', method: 'POST', action: 'save', path: (w) => `/attempts/${w.ids.openAttempt}?/save`, expect: ownerOnly },
	{ route: '/(app)/attempts/[attempt=id]', method: 'POST', action: 'review', path: (w) => `/attempts/${w.ids.openAttempt}?/review`, expect: ownerOnly },
	{ route: '/(app)/attempts/[attempt=id]/result', method: 'GET', path: (w) => `/attempts/${w.ids.submittedAttempt}/result`, expect: ownerOnly },
	{ route: '/(app)/review', method: 'GET', path: () => '/review', expect: signedIn },
	{
		route: '/(app)/review',
		method: 'POST',
		action: 'answer',
		path: () => '/review?/answer',
		body: (w) => ({ card: String(w.ids.card), reps: '-1' }),
		expect: { ...ownerOnly, student: 409 }
	},
	{ route: '/(app)/review', method: 'POST', action: 'rate', path: () => '/review?/rate', body: (w) => ({ card: String(w.ids.card), reps: '-1', rating: 'good' }), expect: ownerOnly },
	{ route: '/(app)/review', method: 'POST', action: 'settings', path: () => '/review?/settings', invalidBody: true, expect: signedIn },
	{ route: '/(app)/tracks/[track]', method: 'GET', path: () => '/tracks/evidence-informed-massage-practitioner', expect: everyone },
	{ route: '/(app)/tracks/[track]', method: 'POST', action: 'claim', path: () => '/tracks/evidence-informed-massage-practitioner?/claim', expect: signedIn },
	{ route: '/(app)/certificates', method: 'GET', path: () => '/certificates', expect: signedIn },
	{ route: '/(app)/certificates/[id]/certificate.pdf', method: 'GET', path: (w) => `/certificates/${w.ids.certificate}/certificate.pdf`, expect: ownerOnly },
	{ route: '/(app)/certificates/[id]/badge.jwt', method: 'GET', path: (w) => `/certificates/${w.ids.certificate}/badge.jwt`, expect: ownerOnly },
	...compliance.certificates,
	{ route: '/(app)/ledger', method: 'GET', path: () => '/ledger', expect: signedIn },
	{ route: '/(app)/ledger', method: 'POST', action: 'add', path: () => '/ledger?/add', invalidBody: true, expect: signedIn },
	{ route: '/(app)/ledger', method: 'POST', action: 'profile', path: () => '/ledger?/profile', invalidBody: true, expect: signedIn },
	{ route: '/(app)/ledger', method: 'POST', action: 'unprofile', path: () => '/ledger?/unprofile', invalidBody: true, expect: signedIn },
	{ route: '/api/progress/heartbeat', method: 'POST', json: true, path: () => '/api/progress/heartbeat', body: () => ({ course: 'science-of-massage', lesson: 'weighing-the-evidence', section: '' }), expect: { ...signedIn, anonymous: 401 } },

	// Studio: course A's quiz, bank, class and import
	{ route: '/(instructor)/instructor', method: 'GET', path: () => '/instructor', expect: staff },
	{ route: '/(instructor)/instructor/quizzes/[quizId]', method: 'GET', path: quiz, expect: courseA },
	{ route: '/(instructor)/instructor/quizzes/[quizId]/analytics', method: 'GET', path: (w) => `${quiz(w)}/analytics`, expect: courseA },
	{ route: '/(instructor)/instructor/quizzes/[quizId]/preview', method: 'GET', path: (w) => `${quiz(w)}/preview?answers=1`, expect: courseA },
	{ route: '/(instructor)/instructor/quizzes/[quizId]/export.gift', method: 'GET', path: (w) => `${quiz(w)}/export.gift`, expect: courseA },
	{ route: '/(instructor)/instructor/quizzes/[quizId]/export.json', method: 'GET', path: (w) => `${quiz(w)}/export.json`, expect: courseA },
	{ route: '/(instructor)/instructor/quizzes/[quizId]/questions/new', method: 'GET', path: (w) => `${quiz(w)}/questions/new`, expect: courseA },
	{ route: '/(instructor)/instructor/quizzes/[quizId]/questions/[questionId]', method: 'GET', path: (w) => `${quiz(w)}/questions/${w.ids.questionA}`, expect: courseA },
	...['save', 'preview', 'addRow'].map((action) => ({
		route: '/(instructor)/instructor/quizzes/[quizId]/questions/new',
		method: 'POST' as const,
		action,
		path: (w: World) => `${quiz(w)}/questions/new?/${action}`,
		invalidBody: action === 'save',
		expect: courseA
	})),
	...['save', 'preview', 'addRow'].map((action) => ({
		route: '/(instructor)/instructor/quizzes/[quizId]/questions/[questionId]',
		method: 'POST' as const,
		action,
		path: (w: World) => `${quiz(w)}/questions/${w.ids.questionA}?/${action}`,
		invalidBody: action === 'save',
		expect: courseA
	})),
	...['settings', 'move', 'remove', 'addFromBank', 'addDraw', 'removeDraw', 'duplicate', 'delete', 'unpublish', 'publish'].map((action) => ({
		route: '/(instructor)/instructor/quizzes/[quizId]',
		method: 'POST' as const,
		action,
		path: (w: World) => `${quiz(w)}?/${action}`,
		invalidBody: !['duplicate', 'unpublish', 'publish'].includes(action),
		expect: courseA
	})),
	{ route: '/(instructor)/instructor/courses/[courseId]/bank', method: 'GET', path: (w) => `${course(w)}/bank`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/bank/export.gift', method: 'GET', path: (w) => `${course(w)}/bank/export.gift`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/bank/export.json', method: 'GET', path: (w) => `${course(w)}/bank/export.json`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/bank/new', method: 'GET', path: (w) => `${course(w)}/bank/new`, expect: courseA },
	...['save', 'preview', 'addRow'].map((action) => ({
		route: '/(instructor)/instructor/courses/[courseId]/bank/new',
		method: 'POST' as const,
		action,
		path: (w: World) => `${course(w)}/bank/new?/${action}`,
		invalidBody: action === 'save',
		expect: courseA
	})),
	{ route: '/(instructor)/instructor/courses/[courseId]/bank/[questionId]', method: 'GET', path: (w) => `${course(w)}/bank/${w.ids.questionA}`, expect: courseA },
	...['save', 'preview', 'addRow', 'delete'].map((action) => ({
		route: '/(instructor)/instructor/courses/[courseId]/bank/[questionId]',
		method: 'POST' as const,
		action,
		path: (w: World) => `${course(w)}/bank/${w.ids.questionA}?/${action}`,
		invalidBody: action === 'save' || action === 'delete',
		expect: courseA
	})),
	{ route: '/(instructor)/instructor/courses/[courseId]/class', method: 'GET', path: (w) => `${course(w)}/class`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/class/class.csv', method: 'GET', path: (w) => `${course(w)}/class/class.csv`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/import', method: 'GET', path: (w) => `${course(w)}/import`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/import', method: 'POST', action: 'preview', path: (w) => `${course(w)}/import?/preview`, invalidBody: true, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/import', method: 'POST', action: 'confirm', path: (w) => `${course(w)}/import?/confirm`, invalidBody: true, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/quizzes/new', method: 'GET', path: (w) => `${course(w)}/quizzes/new`, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/quizzes/new', method: 'POST', action: 'default', path: (w) => `${course(w)}/quizzes/new`, invalidBody: true, expect: courseA },

	...compliance.studio,

	// Administration
	{ route: '/(admin)/admin', method: 'GET', path: () => '/admin', expect: adminOnly },
	{ route: '/(admin)/admin/users', method: 'GET', path: () => '/admin/users', expect: adminOnly },
	{ route: '/(admin)/admin/users', method: 'POST', action: 'role', path: () => '/admin/users?/role', invalidBody: true, expect: adminOnly },
	{ route: '/(admin)/admin/courses', method: 'GET', path: () => '/admin/courses', expect: adminOnly },
	{ route: '/(admin)/admin/courses', method: 'POST', action: 'assign', path: () => '/admin/courses?/assign', invalidBody: true, expect: adminOnly },
	{ route: '/(admin)/admin/courses', method: 'POST', action: 'unassign', path: () => '/admin/courses?/unassign', invalidBody: true, expect: adminOnly },
	{ route: '/(admin)/admin/certificates', method: 'GET', path: () => '/admin/certificates', expect: adminOnly },
	{ route: '/(admin)/admin/certificates', method: 'POST', action: 'revoke', path: () => '/admin/certificates?/revoke', invalidBody: true, expect: adminOnly },
	{ route: '/(admin)/admin/certificates', method: 'POST', action: 'reissue', path: () => '/admin/certificates?/reissue', invalidBody: true, expect: adminOnly },
	{ route: '/(admin)/admin/audit', method: 'GET', path: () => '/admin/audit?action=role.change', expect: adminOnly },
	...compliance.admin,
	...reminders.admin,

	// Last, because they change what earlier rows read: the student's own attempt and ledger entry.
	{ route: '/(app)/ledger', method: 'POST', action: 'remove', path: () => '/ledger?/remove', body: (w) => ({ entryId: String(w.ids.ledgerEntry) }), expect: ownerOnly },
	{ route: '/(app)/attempts/[attempt=id]', method: 'POST', action: 'submit', path: (w) => `/attempts/${w.ids.openAttempt}?/submit`, expect: ownerOnly },
	// Ends every session of each actor, so it runs last.
	{ route: '/(app)/account', method: 'POST', action: 'signOutEverywhere', path: () => '/account?/signOutEverywhere', fresh: true, expect: signedIn }
];
