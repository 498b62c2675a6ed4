import { useEffect, useState } from 'react';
import { finishOidcSignIn } from './oidc-sign-in';
import { sessionStore } from './session-store';

/** /auth/callback: the provider sends the person back here with the code (or a refusal). */
export function OidcCallbackPage() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    finishOidcSignIn().then(
      ({ tokens, returnTo }) => {
        // Off the callback URL first (its code is spent), then show the console.
        window.history.replaceState(null, '', `/${returnTo}`);
        sessionStore.signIn(tokens);
      },
      (err: unknown) => setError((err as Error).message),
    );
  }, []);
  return (
    <main className="sign-in">
      <h1>Signing in…</h1>
      {error && (
        <>
          <p role="alert" className="error">
            {error}
          </p>
          <a href="/">Back to sign in</a>
        </>
      )}
    </main>
  );
}
