const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** Service and profile names; the pattern also rules out path traversal into the repo. */
export function isConfigName(value: string): boolean {
  return NAME.test(value);
}
