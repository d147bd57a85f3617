// One run of the mail jobs: enqueue the reminders due at `now`, then claim, send and record due mail. Safe to run in
// several processes at once (idempotency key on enqueue, one-statement claims with a lease); see README "Reminders".

import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { categoryOfKind, type MailCategory } from '$lib/reminders/categories';
import type { ReminderPayload } from '$lib/reminders/rules';
import { renderReminder } from '$lib/reminders/texts';
import { db, table } from '../db';
import { config } from '../env';
import { sendMail } from '../mail/send';
import { collectDueReminders, type ReminderSources } from './collect';
import { readPreferences } from './preferences';
import { claimDueMail, enqueueReminders, markFailed, markSent } from './queue';
import { ensureUnsubscribeKey } from './unsubscribe';
import { signUnsubscribeToken } from './unsubscribe-token';
import type { OutgoingMail } from '../db/schema';

export interface RunSummary {
	enqueued: number;
	sent: number;
	failed: number;
}

async function enqueueDue(now: Date, sources: ReminderSources): Promise<number> {
	const due = await collectDueReminders(now, sources);
	if (due.length === 0) return 0;
	const users = await db
		.select({ id: table.users.id, email: table.users.email })
		.from(table.users)
		.where(and(inArray(table.users.id, [...new Set(due.map((d) => d.userId))]), isNotNull(table.users.emailVerifiedAt)));
	const rows = [];
	for (const user of users) {
		const prefs = await readPreferences(user.id);
		for (const d of due) if (d.userId === user.id && prefs[categoryOfKind[d.kind]]) rows.push({ ...d, to: user.email });
	}
	return enqueueReminders(rows, now);
}

/** The mail as sent: text and HTML, why it was sent, and RFC 8058 one-click unsubscribe headers. */
export function composeMail(mail: OutgoingMail, secret: string) {
	const token = signUnsubscribeToken(secret, mail.userId, mail.category as MailCategory);
	const unsubscribeUrl = `${config.ORIGIN}/unsubscribe/${token}`;
	const rendered = renderReminder(mail.payload as unknown as ReminderPayload, { origin: config.ORIGIN, unsubscribeUrl });
	return {
		to: mail.toAddress,
		subject: mail.subject,
		text: rendered.text,
		html: rendered.html,
		headers: {
			'List-Unsubscribe': `<${unsubscribeUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			'X-Touchstone-Reminder': mail.kind
		}
	};
}

/** Why a claimed mail must not go out any more (switched off or address changed since it was queued), or null. */
async function stillWanted(mail: OutgoingMail): Promise<string | null> {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, mail.userId));
	if (!user?.emailVerifiedAt || user.email !== mail.toAddress) return 'not sent: the address is no longer verified';
	const prefs = await readPreferences(mail.userId);
	return prefs[mail.category as MailCategory] ? null : 'not sent: the user switched this category off';
}

async function sendClaimed(now: Date): Promise<{ sent: number; failed: number }> {
	let sent = 0;
	let failed = 0;
	const secret = await ensureUnsubscribeKey();
	for (const mail of await claimDueMail(now)) {
		const unwanted = await stillWanted(mail);
		if (unwanted) {
			await markFailed(mail, unwanted, now, true);
			continue;
		}
		try {
			await sendMail(composeMail(mail, secret));
		} catch (e) {
			failed++;
			await markFailed(mail, (e as Error).message || String(e), now);
			continue;
		}
		// A crash here (after the SMTP server accepted, before this update) sends the mail again once the lease ends.
		await markSent(mail, now);
		sent++;
	}
	return { sent, failed };
}

/** sources: the CE profiles and (inside the server) the reporting queue; see ReminderSources. */
export async function runDueJobs(now: Date, sources: ReminderSources): Promise<RunSummary> {
	const enqueued = await enqueueDue(now, sources);
	return { enqueued, ...(await sendClaimed(now)) };
}
