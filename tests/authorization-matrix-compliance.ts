import type { Expectation, RouteCase } from './authorization-matrix';

// The CE-provider routes (issue 17), kept beside the main table so both stay within size; spread into it.

const signedIn: Expectation = { anonymous: 'login', student: 'ok', otherStudent: 'ok', otherInstructor: 'ok', instructor: 'ok', admin: 'ok' };
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

export const admin: RouteCase[] = [
	{ route: '/(admin)/admin/provider', method: 'GET', path: () => '/admin/provider', expect: adminOnly },
	{ route: '/(admin)/admin/provider', method: 'POST', action: 'default', path: () => '/admin/provider', expect: adminOnly }
];
