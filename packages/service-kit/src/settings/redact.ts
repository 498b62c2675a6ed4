const SECRET_KEY = /token|password|secret|credential|apikey/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A copy safe to log: values under secret-looking keys are replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, isSecretKey(k) ? '[redacted]' : redactSecrets(v)]),
  );
}

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]+):([^@/\s]+)@/gi;

/** `mongodb://app:s3cret@db:27017` -> `mongodb://app:[redacted]@db:27017`, wherever it appears. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1$2:[redacted]@');
}
