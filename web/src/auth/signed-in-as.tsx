import { roleLabel } from './session';
import { sessionStore } from './session-store';
import { useSession } from './use-session';

/**
 * Who is signed in, and signing out. Signing out forgets the token in this tab; with OIDC the
 * provider's own session lives on until its sign-out, as with any single sign-on.
 */
export function SignedInAs() {
  const session = useSession();
  return (
    <div className="signed-in">
      <span>
        Signed in as <strong>{roleLabel(session)}</strong>
        {session.subject && (
          <>
            {' '}
            · user <span className="mono">{session.subject}</span>
          </>
        )}
      </span>
      <button
        type="button"
        className="quiet"
        onClick={() => {
          window.history.replaceState(null, '', '/');
          sessionStore.signOut();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
