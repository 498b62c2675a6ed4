import { OidcCallbackPage } from './auth/oidc-callback-page';
import { SignInPage } from './auth/sign-in-page';
import { SessionContext, useSessionState } from './auth/use-session';
import { SignedInConsole } from './signed-in-console';

export function App() {
  const { session, message } = useSessionState();
  if (window.location.pathname === '/auth/callback') return <OidcCallbackPage />;
  if (!session) return <SignInPage message={message} />;
  return (
    <SessionContext.Provider value={session}>
      <SignedInConsole />
    </SessionContext.Provider>
  );
}
