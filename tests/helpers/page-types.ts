import type { Actor, World } from './world';

export interface PageType {
	name: string;
	as: Actor;
	path: string;
	status: number;
}

/**
 * One page of each type, as the actor who sees it: the accessibility test's list (tests/browser/accessibility.test.ts;
 * tests/integration/csp.test.ts fails when that list names a page this one lacks) plus error pages.
 */
export function pageTypes(w: World): PageType[] {
	const { ids } = w;
	const ok = (name: string, as: Actor, path: string): PageType => ({ name, as, path, status: 200 });
	return [
		ok('landing', 'anonymous', '/'),
		ok('login', 'anonymous', '/login'),
		ok('register', 'anonymous', '/register'),
		ok('catalog', 'anonymous', '/courses'),
		ok('course', 'student', '/courses/science-of-massage'),
		ok('lesson', 'student', '/courses/science-of-massage/weighing-the-evidence'),
		ok('trial appraisal lesson', 'student', '/courses/pain-context-and-communication/reading-a-trial'),
		ok('evidence grades', 'anonymous', '/evidence-grades'),
		ok('evidence map', 'anonymous', '/evidence'),
		ok('evidence map filtered', 'anonymous', '/evidence?grade=contradicted'),
		ok('search', 'anonymous', '/search?q=lactate'),
		{ name: 'not found', as: 'anonymous', path: '/courses/no-such-course', status: 404 },
		ok('quiz overview', 'student', `/quizzes/${ids.quizA}`),
		ok('quiz taking', 'student', `/attempts/${ids.openAttempt}`),
		ok('quiz result', 'student', `/attempts/${ids.submittedAttempt}/result`),
		ok('dashboard', 'student', '/dashboard'),
		ok('review', 'student', '/review'),
		ok('certificates', 'student', '/certificates'),
		ok('verification', 'anonymous', `/verify/${ids.certificateCode}`),
		ok('track', 'student', '/tracks/evidence-informed-massage-practitioner'),
		ok('ledger', 'student', '/ledger'),
		ok('account', 'student', '/account'),
		ok('licences', 'student', '/account/licences'),
		ok('email settings', 'student', '/account/email'),
		ok('email confirmation', 'anonymous', '/confirm-email/notarealtoken'),
		ok('course evaluation', 'student', '/evaluations/science-of-massage'),
		ok('transcript', 'student', '/transcript'),
		ok('course certificate verification', 'anonymous', `/verify/course/${ids.courseCertificateCode}`),
		ok('studio', 'instructor', '/instructor'),
		ok('quiz editor', 'instructor', `/instructor/quizzes/${ids.quizA}`),
		ok('question editor', 'instructor', `/instructor/quizzes/${ids.quizA}/questions/${ids.questionA}`),
		ok('quiz preview', 'instructor', `/instructor/quizzes/${ids.quizA}/preview`),
		ok('question bank', 'instructor', `/instructor/courses/${ids.courseA}/bank`),
		ok('GIFT import', 'instructor', `/instructor/courses/${ids.courseA}/import`),
		ok('analytics', 'instructor', `/instructor/quizzes/${ids.quizA}/analytics`),
		ok('class view', 'instructor', `/instructor/courses/${ids.courseA}/class`),
		ok('course evaluations', 'instructor', `/instructor/courses/${ids.courseA}/evaluations`),
		ok('admin users', 'admin', '/admin/users'),
		ok('admin courses', 'admin', '/admin/courses'),
		ok('admin certificates', 'admin', '/admin/certificates'),
		ok('admin audit log', 'admin', '/admin/audit'),
		ok('admin provider', 'admin', '/admin/provider'),
		ok('admin mail', 'admin', '/admin/mail'),
		ok('admin reporting', 'admin', '/admin/reporting'),
		ok('admin records', 'admin', '/admin/records?course=science-of-massage'),
		// Error pages of each kind.
		{ name: 'forbidden', as: 'student', path: '/admin/users', status: 403 },
		{ name: 'verification not found', as: 'anonymous', path: '/verify/TS-0000-0000-0000-0000-0000', status: 404 },
		{ name: 'endpoint error', as: 'student', path: '/certificates/999999/certificate.pdf', status: 404 }
	];
}
