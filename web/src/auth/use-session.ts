import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Session } from './session';
import { sessionStore, type SessionState } from './session-store';

export const useSessionState = (): SessionState =>
  useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);

/** The signed-in session, for everything the console shows once someone is signed in. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only for the signed-in console');
  return session;
}
