import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The connector's config in the repository, with `{{placeholders}}` for what varies. */
export const CONNECTOR_TEMPLATE = join(
  __dirname,
  '..',
  '..',
  '..',
  'infra',
  'connect',
  'connectors',
  'usage-backup.json',
);

export interface ConnectorValues {
  topic: string;
  deadLetterTopic: string;
  mongoUrl: string;
  database: string;
  collection: string;
}

export type ConnectorConfig = Record<string, string>;

/**
 * Fills the template's `{{name}}` placeholders. Every value must be a string (Connect's REST
 * API takes strings only) and every placeholder must have a value: a typo fails here, not as a
 * connector writing to a database called `{{database}}`. (`{{}}`, unlike `${...}`, never
 * collides with Connect's own config providers.)
 */
export function renderConnectorConfig(template: string, values: ConnectorValues): ConnectorConfig {
  const parsed = JSON.parse(template) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('connector template: not a JSON object');
  const known = values as unknown as Record<string, string>;
  const config: ConnectorConfig = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new Error(`connector template: ${key} must be a string, got ${JSON.stringify(value)}`);
    config[key] = value.replace(/\{\{(\w*)\}\}/g, (_, name: string) => {
      if (!Object.hasOwn(known, name))
        throw new Error(`connector template: ${key} uses {{${name}}}, which has no value`);
      return known[name]!;
    });
  }
  return config;
}

export function loadConnectorConfig(values: ConnectorValues, file = CONNECTOR_TEMPLATE) {
  return renderConnectorConfig(readFileSync(file, 'utf8'), values);
}
