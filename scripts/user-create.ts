// Operator CLI: npm run user:create -- --email E --name N --role R
// The password is read from standard input (piped, or typed at a hidden prompt), never from argv, where it would
// land in shell history and process listings. The new account and its role are recorded in the audit log
// ('user.create', shown on /admin/audit with the operator CLI as the actor).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { checkPasswordStrength } from '../src/lib/server/auth/password';
import { createUserByOperator } from '../src/lib/server/auth/user';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { emailField, nameField, newPasswordField } from '../src/lib/validation/account';

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		let data = '';
		for await (const chunk of process.stdin) data += chunk;
		return data.replace(/\r?\n$/, '');
	}
	let muted = false;
	const output = new Writable({
		write(chunk, _enc, cb) {
			if (!muted) process.stdout.write(chunk);
			cb();
		}
	});
	const rl = createInterface({ input: process.stdin, output, terminal: true });
	return new Promise((resolve) => {
		rl.question('Password: ', (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
		muted = true;
	});
}

async function main() {
	const { values } = parseArgs({
		options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'student' } }
	});
	const args = z
		.object({ email: emailField, name: nameField, role: z.enum(['student', 'instructor', 'admin']) })
		.safeParse(values);
	if (!args.success) {
		const issue = args.error.issues[0];
		throw new Error(`--${issue.path.join('.')}: ${issue.message}\nUsage: npm run user:create -- --email E --name N --role student|instructor|admin`);
	}
	const password = newPasswordField.parse(await readPassword());
	const weakness = checkPasswordStrength(password, [args.data.name, args.data.email]);
	if (weakness) throw new Error(weakness);
	await migrateDatabase();
	const user = await createUserByOperator({ ...args.data, password });
	if (!user) throw new Error(`An account with the email ${args.data.email} already exists.`);
	console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
}

main().then(
	() => process.exit(0),
	(e: Error) => {
		console.error(e instanceof z.ZodError ? e.issues[0].message : e.message);
		process.exit(1);
	}
);
