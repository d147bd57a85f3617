import type { Expectation, RouteCase } from './authorization-matrix';

// The reminder routes (issue 18), beside the main table so both stay within size; spread into it. Tokens in paths
// are not valid: the pages answer 400 (counted as access granted on rows marked invalidBody) and nothing changes.

const everyone: Expectation = { anonymous: 'ok', student: 'ok', otherStudent: 'ok', otherInstructor: 'ok', instructor: 'ok', admin: 'ok' };
const signedIn: Expectation = { ...everyone, anonymous: 'login' };
const adminOnly: Expectation = { anonymous: 'login', student: 403, otherStudent: 403, otherInstructor: 403, instructor: 403, admin: 'ok' };
const forged = '1.renewal.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const learner: RouteCase[] = [
	{ route: '/(app)/account/email', method: 'GET', path: () => '/account/email', expect: signedIn },
	// An empty body lacks the form marker: refused with 400, no switch changes.
	{ route: '/(app)/account/email', method: 'POST', action: 'save', path: () => '/account/email?/save', invalidBody: true, expect: signedIn },
	{ route: '/(app)/account/email', method: 'POST', action: 'resend', path: () => '/account/email?/resend', expect: signedIn },
	{ route: '/(auth)/confirm-email/[token]', method: 'GET', path: () => '/confirm-email/notarealtoken', expect: everyone },
	{ route: '/(auth)/confirm-email/[token]', method: 'POST', action: 'default', path: () => '/confirm-email/notarealtoken', invalidBody: true, expect: everyone },
	{ route: '/(public)/unsubscribe/[token]', method: 'GET', path: () => `/unsubscribe/${forged}`, invalidBody: true, expect: everyone },
	{ route: '/(public)/unsubscribe/[token]', method: 'POST', action: 'default', path: () => `/unsubscribe/${forged}`, invalidBody: true, expect: everyone }
];

export const admin: RouteCase[] = [
	{ route: '/(admin)/admin/mail', method: 'GET', path: () => '/admin/mail?status=failed', expect: adminOnly },
	// Without the confirmation box: refused with 400, the key stays.
	{ route: '/(admin)/admin/mail', method: 'POST', action: 'rotateKey', path: () => '/admin/mail?/rotateKey', invalidBody: true, expect: adminOnly }
];
