import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { config } from '../env';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** A simple HTML alternative of the text. */
	html?: string;
	/** Extra headers, e.g. List-Unsubscribe. */
	headers?: Record<string, string>;
}

// With SMTP_URL the mail goes out; without it (the development default) each message is written as an .eml file
// into OUTBOX_DIR, where a developer can open it.
const transport = config.SMTP_URL
	? nodemailer.createTransport(config.SMTP_URL)
	: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** Resolves once the SMTP server accepted the message (or the .eml file is written); rejects otherwise. */
export async function sendMail(mail: Mail): Promise<void> {
	const info = await transport.sendMail({ from: config.MAIL_FROM, ...mail });
	if (config.SMTP_URL) return;
	await mkdir(config.OUTBOX_DIR, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, '_');
	// A random suffix: two mails to one address in the same millisecond (two processes) keep both files.
	const unique = Math.random().toString(36).slice(2, 8);
	await writeFile(join(config.OUTBOX_DIR, `${stamp}-${safeTo}-${unique}.eml`), (info as unknown as { message: Buffer }).message);
}
