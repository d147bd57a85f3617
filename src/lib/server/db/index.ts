import { config } from '../env';
import { openDatabase } from './client';

export const { db, client } = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
export * as table from './schema';
