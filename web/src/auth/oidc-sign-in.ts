import { exchangeCode, SignInError } from './auth-api';
import {
  authorizationUrl,
  readCallback,
  type OidcConfig,
  type PendingSignIn,
} from './oidc-request';
import { codeChallengeS256, randomUrlSafe } from './pkce';
import type { SignInTokens } from './session';

const PENDING_KEY = 'tally.console.oidc-sign-in';

/** Leaves for the provider's sign-in page, keeping the verifier and state in this tab. */
export async function beginOidcSignIn(config: OidcConfig): Promise<void> {
  const pending: PendingSignIn = {
    state: randomUrlSafe(),
    verifier: randomUrlSafe(),
    redirectUri: `${window.location.origin}/auth/callback`,
    returnTo: window.location.hash,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const challenge = await codeChallengeS256(pending.verifier);
  const { state, redirectUri } = pending;
  window.location.assign(authorizationUrl(config, { state, challenge, redirectUri }));
}

/** One use only: a reloaded callback page must not exchange the same code again. */
function takePending(): PendingSignIn | null {
  const saved = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    return saved ? (JSON.parse(saved) as PendingSignIn) : null;
  } catch {
    return null;
  }
}

async function finish(): Promise<{ tokens: SignInTokens; returnTo: string }> {
  const pending = takePending();
  const answer = readCallback(window.location.search, pending);
  if (!answer.ok || !pending) throw new SignInError(answer.ok ? 'Sign in again.' : answer.message);
  const tokens = await exchangeCode({
    code: answer.code,
    codeVerifier: pending.verifier,
    redirectUri: pending.redirectUri,
  });
  return { tokens, returnTo: pending.returnTo };
}

let finishing: ReturnType<typeof finish> | undefined;

/** The tokens for the code on /auth/callback; asked once however often React runs the effect. */
export const finishOidcSignIn = () => (finishing ??= finish());
