import { z } from 'zod';

// Every setting Touchstone reads from the environment, validated once. A bad value stops the process at start with
// a message naming the variable, instead of failing later on some request.
const schema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		DATABASE_URL: z
			.string()
			.default('file:data/touchstone.db')
			.refine((v) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/|:memory:$)/.test(v), {
				message: 'must start with file:, libsql://, http(s):// or ws(s)://'
			}),
		DATABASE_AUTH_TOKEN: z.string().optional(),
		PORT: z.coerce.number().int().min(1).max(65535).default(3000),
		HOST: z.string().default('0.0.0.0'),
		ORIGIN: z.url().optional(),
		SMTP_URL: z
			.string()
			.optional()
			.refine((v) => !v || /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' }),
		MAIL_FROM: z.string().default('Touchstone <no-reply@localhost>'),
		OUTBOX_DIR: z.string().default('outbox'),
		MIGRATIONS_DIR: z.string().default('drizzle'),
		PROVIDER_NAME: z.string().default('Touchstone'),
		PROVIDER_NUMBER: z.string().optional(),
		// Refuse database writes during GET/HEAD requests (loads); on by default outside production.
		GUARD_LOAD_WRITES: z.enum(['0', '1']).optional(),
		// A YAML file of course approvals replacing the bundled lessons/*/approvals.yaml (see lessons/README.md).
		APPROVALS_FILE: z.string().optional(),
		// Seconds between runs of the mail jobs inside the server; 0 turns them off (run `npm run jobs` instead).
		JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
		// Trust X-Forwarded-For for the client address only behind a proxy you run (adapter-node's ADDRESS_HEADER).
		ADDRESS_HEADER: z.string().optional(),
		// adapter-node reads it too (same default, same syntax); the app answers bodies declared larger with a 413.
		BODY_SIZE_LIMIT: z
			.string()
			.default('512K')
			.transform(parseByteSize)
			.pipe(z.number({ error: 'must be a number of bytes, optionally with K, M or G, or Infinity' }).min(0))
	})
	.transform((v) => ({
		...v,
		ORIGIN: v.ORIGIN ?? `http://localhost:${v.PORT}`,
		GUARD_LOAD_WRITES: v.GUARD_LOAD_WRITES ? v.GUARD_LOAD_WRITES === '1' : v.NODE_ENV !== 'production'
	}));

export type Config = z.infer<typeof schema>;

/** "3M" → 3 × 1024 × 1024, as adapter-node reads BODY_SIZE_LIMIT (K, M, G suffixes; "Infinity" for no limit). */
export function parseByteSize(value: string): number {
	const multiplier = ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

export function parseConfig(vars: Record<string, string | undefined>): Config {
	// Empty strings count as unset, as a shell `FOO= npm start` intends.
	const present = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined && v !== ''));
	const result = schema.safeParse(present);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid configuration. Set these environment variables correctly:\n${lines.join('\n')}`);
	}
	return result.data;
}
