// The words of every reminder: subject, why it was sent, and the body, as plain text and simple HTML. Pure, so the
// texts are data-driven and testable; links are built from the origin the caller passes.

import { formatCeHours, formatDay } from '../format';
import { categoryInfo, categoryOfKind } from './categories';
import type { ReminderPayload } from './rules';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

interface Links {
	origin: string;
	unsubscribeUrl: string;
}

type Body = { subject: string; why: string; lines: string[]; link: { label: string; href: string } };

// Mail cannot know the reader's zone: dates are the UTC calendar day, in words.
const day = (iso: string) => formatDay(iso);
const hours = formatCeHours;
const categoryName = (c: string) => (c === 'total' ? 'in total' : `of ${c}`);

function bodyOf(p: ReminderPayload, origin: string): Body {
	switch (p.kind) {
		case 'renewal-deadline':
			return {
				subject: `${p.daysLeft} days left: ${p.profileName}, you are short of CE hours`,
				why: `your ${p.profileName} cycle ends on ${day(p.cycleEnd)} and your ledger is short of hours (reminder at ${p.threshold} days).`,
				lines: [
					`Still missing: ${p.shortfalls.map((s) => `${hours(s.missing)} ${categoryName(s.category)}`).join(', ')}.`,
					...(p.courses.length ? ['Courses here that count toward it:', ...p.courses.map((c) => `- ${c.title}: ${origin}/courses/${c.slug}`)] : [])
				],
				link: { label: 'Open your CE ledger', href: `${origin}/ledger` }
			};
		case 'certificate-expiry':
			return {
				subject: `Your ${p.trackTitle} certificate expires in ${p.daysLeft} days`,
				why: `your certificate for ${p.trackTitle} expires on ${day(p.expiresAt)} (reminder at ${p.threshold} days).`,
				lines: ['To renew it, complete the track again before it expires; the new certificate replaces this one.'],
				link: { label: 'See the track', href: `${origin}/tracks/${p.trackSlug}` }
			};
		case 'review-digest':
			return {
				subject: `${p.dueCount} review ${p.dueCount === 1 ? 'question is' : 'questions are'} due`,
				why: `you asked for a weekly review digest (week ${p.week}).`,
				lines: [`${p.dueCount} ${p.dueCount === 1 ? 'question is' : 'questions are'} waiting. A few minutes keeps what you learned.`],
				link: { label: 'Start reviewing', href: `${origin}/review` }
			};
		case 'evaluation-pending':
			return {
				subject: `Evaluate ${p.courseTitle} to receive its certificate`,
				why: `you passed the final of ${p.courseTitle} on ${day(p.passedAt)} and have not evaluated the course yet.`,
				lines: ['The course evaluation takes two minutes; your Certificate of Achievement is issued once it is submitted.'],
				link: { label: 'Evaluate the course', href: `${origin}/evaluations/${p.courseSlug}` }
			};
		case 'reporting-digest':
			return {
				subject: `Completions to report: ${p.overdue} overdue, ${p.dueSoon} due within 7 days`,
				why: `you are an admin and completions are due to a state tracking system (week ${p.week}).`,
				lines: [`${p.overdue} overdue and ${p.dueSoon} due within seven days. Report them, then mark them reported.`],
				link: { label: 'Open the reporting queue', href: `${origin}/admin/reporting` }
			};
	}
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderReminder(payload: ReminderPayload, links: Links): RenderedMail {
	const body = bodyOf(payload, links.origin);
	const category = categoryInfo[categoryOfKind[payload.kind]].label;
	const footer = `You receive "${category}" mail from Touchstone. Turn it off: ${links.unsubscribeUrl}`;
	const text = [...body.lines, '', `${body.link.label}: ${body.link.href}`, '', `Why this mail: ${body.why}`, footer].join('\n');
	const html = [
		'<!doctype html><html><body>',
		...body.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
		`<p><a href="${escapeHtml(body.link.href)}">${escapeHtml(body.link.label)}</a></p>`,
		`<p><small>Why this mail: ${escapeHtml(body.why)}<br>You receive "${escapeHtml(category)}" mail from Touchstone. `,
		`<a href="${escapeHtml(links.unsubscribeUrl)}">Turn it off</a>.</small></p>`,
		'</body></html>'
	].join('\n');
	return { subject: body.subject, text, html };
}
