import { useState } from 'react';
import { beginOidcSignIn } from './oidc-sign-in';
import type { OidcConfig } from './oidc-request';

export function OidcSignInButton({ config }: { config: OidcConfig }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <section className="card" aria-label="Sign in">
      <p>Sign in with your organisation&apos;s account at {new URL(config.issuer).host}.</p>
      <button
        type="button"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void beginOidcSignIn(config);
        }}
      >
        Sign in
      </button>
    </section>
  );
}
