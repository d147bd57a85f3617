import { migrate } from 'drizzle-orm/libsql/migrator';
import { config } from '../env';
import { db } from './index';

/** Applies the committed migrations in drizzle/ that this database has not seen yet. */
export async function migrateDatabase(): Promise<void> {
	await migrate(db, { migrationsFolder: config.MIGRATIONS_DIR });
}
