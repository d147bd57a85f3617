import type { Expectation, RouteCase } from './authorization-matrix';

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
	{ route: '/(admin)/admin/provider', method: 'POST', action: 'default', path: () => '/admin/provider', expect: adminOnly }
];
