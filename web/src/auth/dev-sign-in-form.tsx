import { useState } from 'react';
import { Field } from '../components/field';
import { submitHandler } from '../components/submit-handler';
import { homeRoute } from '../routing/access';
import { navigate } from '../routing/use-route';
import { requestDevToken } from './auth-api';
import { ROLES, type Role } from './scopes';
import { sessionStore } from './session-store';

const ROLE_NAMES: Record<Role, string> = {
  admin: 'admin — every operation',
  agent: 'agent — customer service: users, usage and bills',
  mediation: 'mediation — records usage from the network',
  subscriber: 'subscriber — one customer, their own account only',
};

/** Development only: a token for any role from the stack's local issuer. */
export function DevSignInForm() {
  const [role, setRole] = useState<Role>('admin');
  const [user, setUser] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setSending(true);
    setError(null);
    try {
      const tokens = await requestDevToken(role, role === 'subscriber' ? user.trim() : undefined);
      navigate(homeRoute(sessionStore.signIn(tokens)));
    } catch (err) {
      setError((err as Error).message);
      setSending(false);
    }
  }

  return (
    <form className="card" onSubmit={submitHandler(submit)} aria-label="Sign in as">
      <h2>Sign in as</h2>
      <p className="muted">
        Development: the stack&apos;s local issuer signs a token for the role.
      </p>
      <Field label="Role">
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_NAMES[r]}
            </option>
          ))}
        </select>
      </Field>
      {role === 'subscriber' && (
        <Field label="User id" hint="The subscriber's user id, as sign-up returned it.">
          <input value={user} onChange={(e) => setUser(e.target.value)} required />
        </Field>
      )}
      <button type="submit" disabled={sending}>
        Sign in
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
