import { hasExpired, sessionOf, type Session, type SignInTokens } from './session';

/**
 * The signed-in session: in memory, and in sessionStorage so a reload keeps it (never
 * localStorage: it would outlive the tab and be shared by every tab of the origin).
 */
const KEY = 'tally.console.session';

export interface SessionState {
  session: Session | null;
  /** Why the person is at the sign-in page (an expired or refused token). */
  message: string | null;
}

const storage = (): Storage | undefined =>
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage;

function restored(): SessionState {
  let session: Session | null = null;
  try {
    const saved = storage()?.getItem(KEY);
    if (saved) session = sessionOf(JSON.parse(saved) as SignInTokens);
  } catch {
    // A stored value this console cannot read: start signed out.
  }
  if (session && !hasExpired(session)) return { session, message: null };
  storage()?.removeItem(KEY);
  return { session: null, message: session ? 'Your sign-in has expired. Sign in again.' : null };
}

let state = restored();
const listeners = new Set<() => void>();
const set = (next: SessionState) => {
  state = next;
  listeners.forEach((listener) => listener());
};

export const sessionStore = {
  getState: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  token: (): string | null => state.session?.tokens.token ?? null,
  signIn(tokens: SignInTokens): Session {
    storage()?.setItem(KEY, JSON.stringify(tokens));
    const session = sessionOf(tokens);
    set({ session, message: null });
    return session;
  },
  signOut(message: string | null = null): void {
    storage()?.removeItem(KEY);
    set({ session: null, message });
  },
};
