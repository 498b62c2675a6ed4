import { DEFAULT_TOPICS } from '@tally/events';
import { dlqSettings, type DlqSettings } from '@tally/dlq';

/** How the console checks the callers of /ops/*: as the gateway does (auth.* settings). */
export interface OpsTokenCheck {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

/** What the Operations page reads, and with which control-plane credentials. */
export interface OpsSettings {
  /** Null: /ops/* answers 503 and says which settings are missing (production only). */
  tokenCheck: OpsTokenCheck | null;
  missing: string[];
  registry: { url: string; token: string | undefined };
  /** The gateway's /metrics (bill read latency). */
  gatewayUrl: string;
  /** METRICS_TOKEN: sent to every /metrics (production guards them). */
  metricsToken: string | undefined;
  kafka: Omit<DlqSettings, 'deadLetterTopic'>;
  topics: { usage: string; users: string; settlement: string; deadLetter: string };
  /** Consumer groups shown: those named `<prefix>.…` (KAFKA_GROUP_PREFIX). */
  groupPrefix: string;
  /** Settlement's group, whose lag the chart follows. */
  settlementGroup: string;
}

const DEV_REGISTRY_TOKEN = 'tally-dev-registry-console';
const trimmed = (value: string | undefined) => value?.trim() || undefined;

/**
 * From the environment, like the rest of the console's settings. Development: tokens from the
 * local issuer (`issuerUrl`), the registry's development console token. Production: AUTH_ISSUER,
 * AUTH_AUDIENCE and AUTH_JWKS_URL (the gateway's) and REGISTRY_TOKEN (the registry's console
 * client), never a default; without them the page says what is missing instead of serving.
 */
export function loadOpsSettings(
  env: NodeJS.ProcessEnv,
  opts: { production: boolean; issuerUrl?: string; gatewayUrl: string },
): OpsSettings {
  const issuer = trimmed(env.AUTH_ISSUER) ?? (opts.production ? undefined : opts.issuerUrl);
  const audience = trimmed(env.AUTH_AUDIENCE) ?? (opts.production ? undefined : 'tally-api');
  const jwksUrl =
    trimmed(env.AUTH_JWKS_URL) ??
    (opts.production || !issuer ? undefined : `${issuer}/.well-known/jwks.json`);
  const registryToken =
    trimmed(env.REGISTRY_TOKEN) ?? (opts.production ? undefined : DEV_REGISTRY_TOKEN);
  const missing = [
    ...(issuer ? [] : ['AUTH_ISSUER']),
    ...(audience ? [] : ['AUTH_AUDIENCE']),
    ...(jwksUrl ? [] : ['AUTH_JWKS_URL']),
    ...(registryToken ? [] : ['REGISTRY_TOKEN']),
  ];
  const { deadLetterTopic, ...kafka } = dlqSettings(env);
  const groupPrefix = trimmed(env.KAFKA_GROUP_PREFIX) ?? 'tally';
  return {
    tokenCheck: issuer && audience && jwksUrl ? { issuer, audience, jwksUrl } : null,
    missing,
    registry: {
      url: (trimmed(env.REGISTRY_URL) ?? 'http://127.0.0.1:4100').replace(/\/$/, ''),
      token: registryToken,
    },
    gatewayUrl: opts.gatewayUrl,
    metricsToken: trimmed(env.METRICS_TOKEN),
    kafka,
    topics: {
      usage: trimmed(env.TOPIC_USAGE) ?? DEFAULT_TOPICS.usage,
      users: trimmed(env.TOPIC_USERS) ?? DEFAULT_TOPICS.users,
      settlement: trimmed(env.TOPIC_SETTLEMENT) ?? DEFAULT_TOPICS.settlement,
      deadLetter: deadLetterTopic,
    },
    groupPrefix,
    // As settlement names it (subgraphs/settlement/src/events/settlement-consumer.ts).
    settlementGroup: `${groupPrefix}.settlement.facts.v1`,
  };
}
