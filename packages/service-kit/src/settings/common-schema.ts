import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const brokers = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1));

/**
 * Who may scrape `/metrics`: in production only callers with this bearer token (required
 * there: the production profile sets it empty, which is refused); elsewhere anyone.
 */
export const metricsSettings = z
  .object({ token: z.string().min(16, 'at least 16 characters').optional() })
  .default({ token: undefined });

/** Settings every service shares; a service extends this with its own. */
export const baseSettings = z.object({
  profile: z.string(),
  host: z.string().min(1),
  port,
  publicUrl: z.url().optional(),
  instanceId: z.string().min(1).optional(),
  log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) }),
  metrics: metricsSettings,
});

/** Empty means unset: an environment variable cannot be removed from a layered file. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** security.md: production stores take credentials; kept out of the URL so no log carries them. */
export const mongoSettings = z.object({
  url: z.string().startsWith('mongodb'),
  database: z.string().min(1),
  username: optionalText,
  password: optionalText,
  /** The database the user is defined in (MongoDB's authSource). */
  authSource: optionalText,
});

/** Kafka over SASL/SCRAM (or PLAIN) and TLS, as production brokers require; unset: neither. */
const kafkaSasl = z
  .object({
    mechanism: z
      .enum(['', 'plain', 'scram-sha-256', 'scram-sha-512'])
      .optional()
      .transform((m) => m || undefined),
    username: optionalText,
    password: optionalText,
  })
  .default({ mechanism: undefined, username: undefined, password: undefined })
  .superRefine((sasl, ctx) => {
    if (sasl.mechanism && !(sasl.username && sasl.password))
      ctx.addIssue({
        code: 'custom',
        message: `${sasl.mechanism} needs a username and a password`,
      });
  });

/** `groupPrefix` namespaces consumer groups, so stacks sharing one Kafka never share a group. */
export const kafkaSettings = z.object({
  brokers,
  groupPrefix: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('tally'),
  /** Partitions of the topics a service creates; a user's events stay in one (key = userId). */
  partitions: z.coerce.number().int().min(1).max(1000).default(3),
  ssl: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .default(false),
  sasl: kafkaSasl,
});
export const registrySettings = z.object({
  url: z.url(),
  /** This service's own registry token (a subgraph's write token, the gateway's read token). */
  token: z.string().min(8),
  heartbeatSeconds: z.coerce.number().positive(),
  /** Deadline of each call to the registry. */
  timeoutMs: z.coerce.number().int().positive().default(5000),
});

/** A subgraph's name as the registry knows it (`user`, `usage`, `settlement`). */
const subgraphName = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'expected a subgraph name');

/** A key for signed calls between services (HS256): long enough to be a key, not a password. */
export const internalSecret = z.string().min(32, 'at least 32 characters');

/**
 * The keys of signed internal calls. `secret`: the one the gateway (and any calling subgraph)
 * signs calls to this subgraph with; `secrets`: those of the subgraphs this one calls.
 */
export const internalAuthSettings = z.object({
  secret: internalSecret,
  secrets: z.record(subgraphName, internalSecret).default({}),
});

/** Subgraph name -> the secret calls to it are signed with (what a caller holds). */
export const internalSecrets = internalAuthSettings.shape.secrets;

export type BaseSettings = z.infer<typeof baseSettings>;
export type MongoSettings = z.infer<typeof mongoSettings>;
export type KafkaSettings = z.infer<typeof kafkaSettings>;
export type RegistrySettings = z.infer<typeof registrySettings>;
export type MetricsSettings = z.infer<typeof metricsSettings>;
export type InternalAuthSettings = z.infer<typeof internalAuthSettings>;

/** What every subgraph needs: its store, the event bus, the registry, its call keys. */
export const subgraphSettings = baseSettings.extend({
  mongo: mongoSettings,
  kafka: kafkaSettings,
  registry: registrySettings,
  internalAuth: internalAuthSettings,
});

export const billingSettings = z.object({
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone'),
  /** Days of the next month a period stays open for late records (billing-rules.md). */
  graceDays: z.coerce.number().int().min(0).max(27).default(3),
  /** Periods close on their own when their grace ends; false: only `closePeriod` closes them. */
  autoClose: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .default(true),
});
