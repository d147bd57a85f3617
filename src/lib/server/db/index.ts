import { config } from '../env';
import { openDatabase } from './client';

export const { db, client } = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
export * as table from './schema';

/** A transaction handle, as commands receive it; Conn is either the database or a transaction. */
export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
export type Conn = typeof db | Tx;
