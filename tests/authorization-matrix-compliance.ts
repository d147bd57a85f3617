import type { Expectation, RouteCase } from './authorization-matrix';
import type { World } from './helpers/world';

// The CE-provider routes (issue 17), kept beside the main table so both stay within size; spread into it.

const signedIn: Expectation = { anonymous: 'login', student: 'ok', otherStudent: 'ok', otherInstructor: 'ok', instructor: 'ok', admin: 'ok' };
const everyone: Expectation = { anonymous: 'ok', student: 'ok', otherStudent: 'ok', otherInstructor: 'ok', instructor: 'ok', admin: 'ok' };
const ownerOnly: Expectation = { anonymous: 'login', student: 'ok', otherStudent: 404, otherInstructor: 404, instructor: 404, admin: 404 };
const adminOnly: Expectation = { anonymous: 'login', student: 403, otherStudent: 403, otherInstructor: 403, instructor: 403, admin: 'ok' };

export const learner: RouteCase[] = [
	{ route: '/(app)/account/licences', method: 'GET', path: () => '/account/licences', expect: signedIn },
	...['add', 'edit', 'remove'].map((action) => ({
		route: '/(app)/account/licences',
		method: 'POST' as const,
		action,
		path: () => `/account/licences?/${action}`,
		expect: signedIn
	}))
];

const courseA: Expectation = { anonymous: 'login', student: 403, otherStudent: 403, otherInstructor: 403, instructor: 'ok', admin: 'ok' };
const evaluations = (w: World) => `/instructor/courses/${w.ids.courseA}/evaluations`;

/** Evaluation results for course A's instructors and admins. */
export const studio: RouteCase[] = [
	{ route: '/(instructor)/instructor/courses/[courseId]/evaluations', method: 'GET', path: evaluations, expect: courseA },
	{ route: '/(instructor)/instructor/courses/[courseId]/evaluations/evaluations.csv', method: 'GET', path: (w) => `${evaluations(w)}/evaluations.csv`, expect: courseA }
];

/** Course certificates, evaluation and transcript. */
export const certificates: RouteCase[] = [
	{ route: '/(app)/evaluations/[course]', method: 'GET', path: () => '/evaluations/science-of-massage', expect: signedIn },
	{ route: '/(app)/evaluations/[course]', method: 'POST', action: 'default', path: () => '/evaluations/science-of-massage', expect: signedIn },
	{ route: '/(app)/certificates/course/[id]/certificate.pdf', method: 'GET', path: (w) => `/certificates/course/${w.ids.courseCertificate}/certificate.pdf`, expect: ownerOnly },
	{ route: '/(app)/transcript', method: 'GET', path: () => '/transcript', expect: signedIn },
	{ route: '/(app)/transcript/transcript.pdf', method: 'GET', path: () => '/transcript/transcript.pdf', expect: signedIn },
	{ route: '/(app)/transcript/transcript.jwt', method: 'GET', path: () => '/transcript/transcript.jwt', expect: signedIn },
	{ route: '/(public)/verify/course/[code]', method: 'GET', path: (w) => `/verify/course/${w.ids.courseCertificateCode}`, expect: everyone }
];

export const admin: RouteCase[] = [
	{ route: '/(admin)/admin/provider', method: 'GET', path: () => '/admin/provider', expect: adminOnly },
	{ route: '/(admin)/admin/provider', method: 'POST', action: 'default', path: () => '/admin/provider', expect: adminOnly },
	{ route: '/(admin)/admin/reporting', method: 'GET', path: () => '/admin/reporting?status=due', expect: adminOnly },
	{ route: '/(admin)/admin/reporting', method: 'POST', action: 'mark', path: () => '/admin/reporting?/mark', expect: adminOnly },
	{ route: '/(admin)/admin/reporting', method: 'POST', action: 'codes', path: () => '/admin/reporting?/codes', body: () => ({ 'profession|FL:massage-therapist': '!' }), expect: adminOnly },
	{ route: '/(admin)/admin/reporting/export', method: 'POST', path: () => '/admin/reporting/export', expect: adminOnly },
	{ route: '/(admin)/admin/records', method: 'GET', path: () => '/admin/records?course=science-of-massage', expect: adminOnly },
	{ route: '/(admin)/admin/records/roster.csv', method: 'GET', path: () => '/admin/records/roster.csv?course=science-of-massage', expect: adminOnly },
	{ route: '/(admin)/admin/records/audit-pack.zip', method: 'GET', path: () => '/admin/records/audit-pack.zip?course=science-of-massage', expect: adminOnly }
];
