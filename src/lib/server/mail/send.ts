import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { config } from '../env';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

// With SMTP_URL the mail goes out; without it (the development default) each message is written as an .eml file
// into OUTBOX_DIR, where a developer can open it.
const transport = config.SMTP_URL
	? nodemailer.createTransport(config.SMTP_URL)
	: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

export async function sendMail(mail: Mail): Promise<void> {
	const info = await transport.sendMail({ from: config.MAIL_FROM, ...mail });
	if (config.SMTP_URL) return;
	await mkdir(config.OUTBOX_DIR, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, '_');
	await writeFile(join(config.OUTBOX_DIR, `${stamp}-${safeTo}.eml`), (info as unknown as { message: Buffer }).message);
}
