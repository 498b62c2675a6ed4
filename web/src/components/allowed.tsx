import type { ReactNode } from 'react';
import type { Scope } from '../auth/scopes';
import { useSession } from '../auth/use-session';
import { permission } from '../routing/access';

/** `children` when the signed-in role has `scope`; otherwise one line saying why not. */
export function Allowed({
  scope,
  action,
  children,
}: {
  scope: Scope;
  /** What the hidden part does, as the sentence's subject: "Creating a plan". */
  action: string;
  children: ReactNode;
}) {
  const allowed = permission(useSession(), scope, action);
  if (allowed.allowed) return <>{children}</>;
  return (
    <p className="restricted" role="note">
      {allowed.reason}
    </p>
  );
}
