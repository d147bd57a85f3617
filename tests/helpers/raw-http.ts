import { connect } from 'node:net';

/** An HTTP answer, read in full. Status 0: the connection closed without one. */
export interface Answer {
	status: number;
	type: string;
	csp: string | null;
	location: string | null;
	body: string;
}

export interface RawInit {
	method?: string;
	headers?: Record<string, string>;
	body?: Buffer | string;
	/** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
	chunked?: boolean;
	cookie?: string;
}

const KB = 1024;

/**
 * A request sent exactly as written, over a plain socket: the path is not normalised (fetch would resolve "..",
 * "%2e%2e" and so on) and the whole body is sent, with or without a Content-Length, even when the server answers
 * before reading it, as a browser does (Node's HTTP client never delivered the answer in that case).
 */
export function rawRequest(base: string, path: string, init: RawInit = {}): Promise<Answer> {
	const { port } = new URL(base);
	const body = init.body === undefined ? undefined : Buffer.from(init.body);
	const headers: Record<string, string> = { host: `127.0.0.1:${port}`, accept: 'text/html', origin: base, connection: 'close', ...init.headers };
	if (init.cookie) headers.cookie = init.cookie;
	if (body && !init.chunked) headers['content-length'] = String(body.length);
	if (body && init.chunked) headers['transfer-encoding'] = 'chunked';
	const head = `${init.method ?? 'GET'} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
	return new Promise((resolve, reject) => {
		let received = Buffer.alloc(0);
		let done = false;
		const finish = (answer: Answer | Error) => {
			if (done) return;
			done = true;
			socket.destroy();
			if (answer instanceof Error) reject(answer);
			else resolve(answer);
		};
		/** The answer once it is complete (by Content-Length, chunked terminator, or the socket closing). */
		const parse = (closed: boolean): Answer | null => {
			const end = received.indexOf('\r\n\r\n');
			if (end < 0) return null;
			const lines = received.subarray(0, end).toString('latin1').split('\r\n');
			const status = Number(lines[0].split(' ')[1]);
			const h = new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
			let rest = received.subarray(end + 4);
			const length = h.get('content-length');
			if (length !== undefined) {
				if (rest.length < Number(length)) return null;
				rest = rest.subarray(0, Number(length));
			} else if (h.get('transfer-encoding') === 'chunked') {
				const chunks: Buffer[] = [];
				let at = 0;
				for (;;) {
					const eol = rest.indexOf('\r\n', at);
					if (eol < 0) return null;
					const size = Number.parseInt(rest.subarray(at, eol).toString('latin1'), 16);
					if (size === 0) break;
					if (rest.length < eol + 2 + size) return null;
					chunks.push(rest.subarray(eol + 2, eol + 2 + size));
					at = eol + 4 + size;
				}
				rest = Buffer.concat(chunks);
			} else if (!closed) return null;
			return { status, type: h.get('content-type') ?? '', csp: h.get('content-security-policy') ?? null, location: h.get('location') ?? null, body: rest.toString('utf8') };
		};
		const socket = connect(Number(port), '127.0.0.1', () => {
			socket.write(head);
			if (!body) return;
			if (!init.chunked) socket.write(body);
			else {
				for (let at = 0; at < body.length; at += 64 * KB) {
					const part = body.subarray(at, at + 64 * KB);
					socket.write(`${part.length.toString(16)}\r\n`);
					socket.write(part);
					socket.write('\r\n');
				}
				socket.write('0\r\n\r\n');
			}
		});
		socket.on('data', (d: Buffer) => {
			received = Buffer.concat([received, d]);
			const answer = parse(false);
			if (answer) finish(answer);
		});
		// The server may close the connection while a body it refused is still being written.
		socket.on('error', (e: NodeJS.ErrnoException) => {
			if (!['EPIPE', 'ECONNRESET'].includes(e.code ?? '')) finish(e);
		});
		socket.on('close', () => finish(parse(true) ?? { status: 0, type: '', csp: null, location: null, body: `connection closed without an answer: ${received.toString('latin1').slice(0, 200)}` }));
		socket.setTimeout(20_000, () => finish(new Error(`no answer within 20 s: ${init.method ?? 'GET'} ${path.slice(0, 100)}`)));
	});
}

