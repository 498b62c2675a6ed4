import mongoose, { type Connection } from 'mongoose';
import type { Logger } from 'pino';

/**
 * A connection of the service's own (never the mongoose singleton, so tests can hold
 * several). No sessions or transactions anywhere: single-document atomicity only.
 */
export async function connectMongo(
  url: string,
  database: string,
  logger: Logger,
): Promise<Connection> {
  const conn = mongoose.createConnection(url, {
    dbName: database,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
  });
  let closing = false;
  conn.on('close', () => (closing = true));
  conn.on('disconnected', () => {
    if (!closing) logger.warn({ database }, 'mongo disconnected');
  });
  conn.on('reconnected', () => logger.info({ database }, 'mongo reconnected'));
  await conn.asPromise();
  logger.info({ database }, 'mongo connected');
  return conn;
}

export function mongoHealth(conn: Connection) {
  return async (): Promise<void> => {
    if (!conn.db) throw new Error('not connected');
    await conn.db.admin().ping();
  };
}
