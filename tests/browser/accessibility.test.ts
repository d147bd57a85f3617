import { describe, expect, it } from 'vitest';
import { scanPage, type Violation } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import type { TestServer } from '../helpers/server';
import { useWorld, type Actor, type World } from '../helpers/world';

let server: TestServer;
let world: World;
useWorld(async (s, w) => {
	server = s;
	world = w;
	await world.clients.student.get('/admin/audit'); // refused and recorded, so the audit log page shows its table
});

/**
 * Findings we accept, each with the reason. Serious and critical findings are never accepted.
 * (Empty today: every page type scans clean.)
 */
const explained: Record<string, string> = {};

function pages(w: World): { name: string; as: Actor; path: string }[] {
	const { ids } = w;
	return [
		{ name: 'landing', as: 'anonymous', path: '/' },
		{ name: 'login', as: 'anonymous', path: '/login' },
		{ name: 'register', as: 'anonymous', path: '/register' },
		{ name: 'catalog', as: 'anonymous', path: '/courses' },
		{ name: 'course', as: 'student', path: '/courses/science-of-massage' },
		{ name: 'lesson', as: 'student', path: '/courses/science-of-massage/weighing-the-evidence' },
		{ name: 'trial appraisal lesson', as: 'student', path: '/courses/pain-context-and-communication/reading-a-trial' },
		{ name: 'evidence grades', as: 'anonymous', path: '/evidence-grades' },
		{ name: 'evidence map', as: 'anonymous', path: '/evidence' },
		{ name: 'evidence map filtered', as: 'anonymous', path: '/evidence?grade=contradicted' },
		{ name: 'search', as: 'anonymous', path: '/search?q=lactate' },
		{ name: 'not found', as: 'anonymous', path: '/courses/no-such-course' },
		{ name: 'quiz overview', as: 'student', path: `/quizzes/${ids.quizA}` },
		{ name: 'quiz taking', as: 'student', path: `/attempts/${ids.openAttempt}` },
		{ name: 'quiz result', as: 'student', path: `/attempts/${ids.submittedAttempt}/result` },
		{ name: 'dashboard', as: 'student', path: '/dashboard' },
		{ name: 'review', as: 'student', path: '/review' },
		{ name: 'certificates', as: 'student', path: '/certificates' },
		{ name: 'verification', as: 'anonymous', path: `/verify/${ids.certificateCode}` },
		{ name: 'track', as: 'student', path: '/tracks/evidence-informed-massage-practitioner' },
		{ name: 'ledger', as: 'student', path: '/ledger' },
		{ name: 'account', as: 'student', path: '/account' },
		{ name: 'studio', as: 'instructor', path: '/instructor' },
		{ name: 'quiz editor', as: 'instructor', path: `/instructor/quizzes/${ids.quizA}` },
		{ name: 'question editor', as: 'instructor', path: `/instructor/quizzes/${ids.quizA}/questions/${ids.questionA}` },
		{ name: 'quiz preview', as: 'instructor', path: `/instructor/quizzes/${ids.quizA}/preview` },
		{ name: 'question bank', as: 'instructor', path: `/instructor/courses/${ids.courseA}/bank` },
		{ name: 'GIFT import', as: 'instructor', path: `/instructor/courses/${ids.courseA}/import` },
		{ name: 'analytics', as: 'instructor', path: `/instructor/quizzes/${ids.quizA}/analytics` },
		{ name: 'class view', as: 'instructor', path: `/instructor/courses/${ids.courseA}/class` },
		{ name: 'admin users', as: 'admin', path: '/admin/users' },
		{ name: 'admin courses', as: 'admin', path: '/admin/courses' },
		{ name: 'admin certificates', as: 'admin', path: '/admin/certificates' },
		{ name: 'admin audit log', as: 'admin', path: '/admin/audit' },
		// CE provider pages (issue 17)
		{ name: 'licences', as: 'student', path: '/account/licences' },
		{ name: 'course evaluation', as: 'student', path: '/evaluations/science-of-massage' },
		{ name: 'transcript', as: 'student', path: '/transcript' },
		{ name: 'course certificate verification', as: 'anonymous', path: `/verify/course/${ids.courseCertificateCode}` },
		{ name: 'course evaluations', as: 'instructor', path: `/instructor/courses/${ids.courseA}/evaluations` },
		{ name: 'admin provider', as: 'admin', path: '/admin/provider' },
		{ name: 'admin reporting', as: 'admin', path: '/admin/reporting' },
		{ name: 'admin records', as: 'admin', path: '/admin/records?course=science-of-massage' }
	];
}

const phoneWidth = 360;

/** The elements sticking out past the right edge, deepest first, to say what to fix. */
function widestElements(page: import('playwright-core').Page): Promise<string> {
	return page.evaluate((width) => {
		const out = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1 && el.children.length === 0);
		return out.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`).join(', ');
	}, phoneWidth);
}

for (const scheme of ['light', 'dark'] as const) {
	describe(`axe-core and phone width, ${scheme} mode`, () => {
		it('finds no violations and no sideways scrolling at 360 px on any page type', { timeout: 180_000 }, async () => {
			const browser = await launchBrowser({ colorScheme: scheme });
			const failures: string[] = [];
			try {
				for (const { name, as, path } of pages(world)) {
					await browser.context.clearCookies();
					const token = world.clients[as].cookie('touchstone_session');
					if (token) await browser.context.addCookies([{ name: 'touchstone_session', value: token, url: server.url }]);
					const page = await browser.context.newPage();
					const response = await page.goto(server.url + path);
					expect(response?.status(), `${name} (${path})`).toBe(name === 'not found' ? 404 : 200);
					const found: Violation[] = await scanPage(page);
					for (const v of found) {
						if (v.impact !== 'serious' && v.impact !== 'critical' && explained[v.id]) continue;
						failures.push(`${name} ${path}: [${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(' | ')}`);
					}
					// On a phone nothing may make the page scroll sideways: wide content scrolls inside its own box.
					await page.setViewportSize({ width: phoneWidth, height: 800 });
					const wide = await page.evaluate(() => document.documentElement.scrollWidth);
					if (wide > phoneWidth) failures.push(`${name} ${path}: ${wide} px wide at ${phoneWidth} px — ${await widestElements(page)}`);
					await page.close();
				}
			} finally {
				await browser.close();
			}
			expect(failures).toEqual([]);
		});
	});
}
