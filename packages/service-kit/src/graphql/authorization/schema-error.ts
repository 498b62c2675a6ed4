/** A schema whose authorization rules cannot be enforced as written: refused at start. */
export class AuthorizationSchemaError extends Error {
  override name = 'AuthorizationSchemaError';
  constructor(readonly problems: readonly string[]) {
    super(`authorization rules refused:\n- ${problems.join('\n- ')}`);
  }
}
