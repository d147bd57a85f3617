import { resolve } from 'node:path';
import { expect } from 'vitest';
import { sqlOn } from './answers';
import { Client, registerUser, uniqueEmail } from './client';
import type { TestServer } from './server';

/** The test approvals (tests/fixtures/approvals.yaml): both courses approved under TEST numbers. */
export const APPROVALS_ENV = { APPROVALS_FILE: resolve('tests/fixtures/approvals.yaml') };

export async function userIdOf(server: TestServer, email: string): Promise<number> {
	const [row] = await sqlOn(server.databaseUrl, 'SELECT id FROM users WHERE email = ?', [email]);
	return Number(row.id);
}

/** A registered learner holding the given licences (added through the Licences page, as a learner would). */
export async function learnerWithLicences(server: TestServer, name: string, licences: Record<string, string>[]) {
	const client = new Client(server.url);
	const { email } = await registerUser(client, name, uniqueEmail('licensed'));
	for (const licence of licences) {
		const res = await client.post('/account/licences?/add', { profession: 'massage-therapist', ...licence });
		expect(res.status, `add licence ${licence.number}`).toBeLessThan(400);
	}
	return { client, email, userId: await userIdOf(server, email) };
}

export const GOOD_EVALUATION = { objectives: '5', accuracy: '4', relevance: '5', materials: '4', timeFit: '3', comments: 'Clear and well sourced.' };

/** An admin: registered like anyone, then promoted in the database (as tests/helpers/world.ts does). */
export async function adminOn(server: TestServer) {
	const client = new Client(server.url);
	const { email } = await registerUser(client, 'Ada Admin', uniqueEmail('admin'));
	await sqlOn(server.databaseUrl, "UPDATE users SET role = 'admin' WHERE email = ?", [email]);
	return client;
}

export const PROVIDER_FORM = {
	name: 'Harbour Massage Education',
	providerNumber: '50-12345',
	contact: 'ce@harbour.example',
	signatoryName: 'Dana Director',
	signatoryTitle: 'Education Director'
};
