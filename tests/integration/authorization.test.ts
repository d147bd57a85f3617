import { describe, expect, it } from 'vitest';
import { matrix, type Outcome } from '../authorization-matrix';
import { Client, logIn, STRONG_PASSWORD } from '../helpers/client';
import { listRoutes } from '../helpers/routes';
import type { TestServer } from '../helpers/server';
import { actors, useWorld, type Actor, type World } from '../helpers/world';

const key = (e: { route: string; method: string; action?: string }) => `${e.method} ${e.route}${e.action ? ` ?/${e.action}` : ''}`;

describe('the authorization matrix', () => {
	it('lists every route, endpoint and action of the app', () => {
		const listed = new Set(matrix.map(key));
		const missing = listRoutes().map(key).filter((k) => !listed.has(k));
		expect(missing, 'routes missing from tests/authorization-matrix.ts').toEqual([]);
		const existing = new Set(listRoutes().map(key));
		expect(matrix.map(key).filter((k) => !existing.has(k)), 'matrix rows for routes that no longer exist').toEqual([]);
	});

	describe('against a running server', () => {
		let server: TestServer;
		let world: World;
		useWorld((s, w) => {
			server = s;
			world = w;
		});

		async function clientFor(actor: Actor, fresh: boolean): Promise<Client> {
			if (!fresh || actor === 'anonymous') return actor === 'anonymous' ? new Client(server.url) : world.clients[actor];
			const client = new Client(server.url);
			await logIn(client, world.emails[actor], STRONG_PASSWORD);
			return client;
		}

		function outcomeOf(res: Response): Outcome | 'invalid' | `unexpected ${number}` {
			const location = res.headers.get('location') ?? '';
			if (res.status >= 300 && res.status < 400) return location.startsWith('/login') ? 'login' : 'ok';
			if (res.status < 300) return 'ok';
			if (res.status === 400) return 'invalid';
			if ([401, 403, 404, 409, 410].includes(res.status)) return res.status as Outcome;
			return `unexpected ${res.status}`;
		}

		it('gives each actor exactly the expected outcome on every route', { timeout: 240_000 }, async () => {
			const mismatches: string[] = [];
			for (const row of matrix) {
				for (const actor of actors) {
					const client = await clientFor(actor, !!row.fresh);
					const path = row.path(world);
					const body = row.body?.(world) ?? {};
					const res =
						row.method === 'GET'
							? await client.get(path)
							: row.json
								? await client.request(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) })
								: await client.post(path, body);
					const outcome = outcomeOf(res);
					// Validation refusing a deliberately incomplete body means access was granted.
					const got = outcome === 'invalid' && row.invalidBody ? 'ok' : outcome;
					if (got !== row.expect[actor]) mismatches.push(`${key(row)} as ${actor}: expected ${row.expect[actor]}, got ${got} (${path})`);
				}
			}
			expect(mismatches).toEqual([]);
		});
	});
});
