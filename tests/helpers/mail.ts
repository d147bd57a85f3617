import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export interface ParsedMail {
	file: string;
	headers: Record<string, string>;
	/** The decoded body (all parts, quoted-printable undone). */
	body: string;
}

/** Reads an .eml file as written by the outbox transport: unfolded headers, a decoded body. */
export function parseMail(raw: string, file = ''): ParsedMail {
	const [head, ...rest] = raw.split(/\r?\n\r?\n/);
	const headers: Record<string, string> = {};
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const at = line.indexOf(':');
		if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
	}
	const body = rest
		.join('\n\n')
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
	return { file, headers, body };
}

/** Every mail in an outbox folder, oldest first. */
export function readOutbox(dir: string): ParsedMail[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.sort()
		.map((f) => parseMail(readFileSync(join(dir, f), 'utf8'), f));
}

/** Reminders only (not verification mail), optionally of one kind. */
export function reminders(dir: string, kind?: string): ParsedMail[] {
	return readOutbox(dir).filter((m) => m.headers['x-touchstone-reminder'] && (!kind || m.headers['x-touchstone-reminder'] === kind));
}

/** Runs `npm run jobs -- --once` (through tsx) with the clock at `now`; resolves with its output and exit code. */
export function runJobsOnce(env: Record<string, string>, now?: Date): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/jobs.ts', '--once'], {
			env: { ...process.env, NODE_ENV: 'production', ...env, ...(now ? { TOUCHSTONE_NOW: now.toISOString() } : {}) },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (code) => resolve({ code, output }));
	});
}

/** A tiny SMTP server that accepts every message and keeps it (enough of RFC 5321 for nodemailer). */
export async function startSmtpSink(): Promise<{ port: number; messages: string[]; close: () => Promise<void> }> {
	const messages: string[] = [];
	const server: Server = createServer((socket) => {
		let buffer = '';
		let data: string | null = null;
		socket.write('220 sink ESMTP\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (data !== null) {
					if (line === '.') {
						messages.push(data);
						data = null;
						socket.write('250 OK queued\r\n');
					} else data += (line.startsWith('..') ? line.slice(1) : line) + '\n';
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') socket.write('250-sink\r\n250 8BITMIME\r\n');
				else if (verb === 'DATA') {
					data = '';
					socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
				} else if (verb === 'QUIT') socket.end('221 Bye\r\n');
				else socket.write('250 OK\r\n');
			}
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as { port: number };
	return { port, messages, close: () => new Promise((r) => server.close(() => r())) };
}
