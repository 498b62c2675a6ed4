import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET_PATHS = ['token', 'password', 'secret', 'authorization'].flatMap((k) => [
  k,
  `*.${k}`,
  `*.*.${k}`,
  `req.headers.${k}`,
]);

/** One JSON line per event; values under secret-looking keys never reach the output. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service, pid: process.pid },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
