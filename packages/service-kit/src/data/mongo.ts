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
  credentials: { username?: string; password?: string; authSource?: string } = {},
): Promise<Connection> {
  const { username, password, authSource } = credentials;
  const conn = mongoose.createConnection(url, {
    dbName: database,
    ...(username && { auth: { username, password } }),
    ...(authSource && { authSource }),
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
    monitorCommands: true,
  });
  logSlowCommands(conn, database, logger);
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

/** A command slower than this is logged: a store that stalls shows where, not only that. */
const SLOW_COMMAND_MS = 1_000;

function logSlowCommands(conn: Connection, database: string, logger: Logger): void {
  const started = new Map<number, { command: string; collection: unknown; items?: number }>();
  const client = conn.getClient();
  client.on('commandStarted', (e) => {
    const body = e.command as Record<string, unknown>;
    const items = ['documents', 'updates', 'deletes']
      .map((k) => body[k])
      .find((v): v is unknown[] => Array.isArray(v));
    started.set(e.requestId, {
      command: e.commandName,
      collection: body[e.commandName],
      ...(items ? { items: items.length } : {}),
    });
  });
  const finish = (e: { requestId: number; duration: number }, failed: boolean) => {
    const what = started.get(e.requestId);
    started.delete(e.requestId);
    if (!what || e.duration < SLOW_COMMAND_MS) return;
    logger.warn({ database, ...what, ms: Math.round(e.duration), failed }, 'slow mongo command');
  };
  client.on('commandSucceeded', (e) => finish(e, false));
  client.on('commandFailed', (e) => finish(e, true));
}
