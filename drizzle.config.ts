import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL || 'file:data/touchstone.db';
const isFile = url.startsWith('file:');

export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: isFile ? 'sqlite' : 'turso',
	dbCredentials: isFile ? { url } : { url, authToken: process.env.DATABASE_AUTH_TOKEN },
	strict: true,
	verbose: true
});
