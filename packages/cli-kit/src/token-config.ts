export const LOCAL_ISSUER_URL = 'http://127.0.0.1:4300';

export interface TokenSettings {
  /** A ready token (production: from your OpenID Connect provider). */
  token?: string;
  /** The stack's local development issuer, asked when no token is given. */
  issuerUrl: string;
}

/** `TALLY_TOKEN` and `ISSUER_URL` from the environment. */
export function tokenSettings(env: NodeJS.ProcessEnv = process.env): TokenSettings {
  return {
    token: env.TALLY_TOKEN?.trim() || undefined,
    issuerUrl: (env.ISSUER_URL?.trim() || LOCAL_ISSUER_URL).replace(/\/$/, ''),
  };
}
