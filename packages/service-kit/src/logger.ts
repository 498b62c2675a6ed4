import pino, { type Logger } from 'pino';
import { redactUrlCredentials } from './settings/redact';

export type { Logger };

const SECRET_PATHS = ['token', 'password', 'secret', 'authorization'].flatMap((k) => [
  k,
  `*.${k}`,
  `*.*.${k}`,
  `req.headers.${k}`,
]);

/** Strings and errors, one level deep: where a connection URL turns up (a driver's error). */
function withoutUrlCredentials(arg: unknown): unknown {
  if (typeof arg === 'string') return redactUrlCredentials(arg);
  if (arg instanceof Error) {
    const copy = new Error(redactUrlCredentials(arg.message));
    copy.name = arg.name;
    copy.stack = arg.stack && redactUrlCredentials(arg.stack);
    return copy;
  }
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return arg;
  return Object.fromEntries(
    Object.entries(arg).map(([k, v]) => [
      k,
      typeof v === 'string' || v instanceof Error ? withoutUrlCredentials(v) : v,
    ]),
  );
}

/**
 * One JSON line per event; values under secret-looking keys, and credentials inside URLs
 * (mongodb://user:password@…), never reach the output.
 */
export function createLogger(
  service: string,
  level = 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service, pid: process.pid },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(withoutUrlCredentials) as Parameters<typeof method>);
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
