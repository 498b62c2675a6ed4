import { DevSignInForm } from './dev-sign-in-form';
import { OidcSignInButton } from './oidc-sign-in-button';
import { useAuthConfig } from './use-auth-config';

/** Shown until someone is signed in; `message` says why they are here again. */
export function SignInPage({ message }: { message: string | null }) {
  const { config, error, retry } = useAuthConfig();
  return (
    <main className="sign-in">
      <h1>Sign in to the Tally console</h1>
      {message && (
        <p role="status" className="warning">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}{' '}
          <button type="button" onClick={retry}>
            Try again
          </button>
        </p>
      )}
      {!config && !error && <p className="muted">Loading…</p>}
      {config?.mode === 'development' && <DevSignInForm />}
      {config?.mode === 'oidc' && <OidcSignInButton config={config} />}
    </main>
  );
}
