import type { ReactNode } from 'react';
import type { Sourced } from '../../server/src/ops/ops-types';

/** A status badge: `up` green, `lapsed`/`lagging` amber, `down` red. */
export function Badge({
  tone,
  children,
}: {
  tone: 'ok' | 'warn' | 'bad' | 'idle';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** What a down source shows in place of its figures: that it is down, and why. */
export function SourceDown({ what, error }: { what: string; error: string }) {
  return (
    <p className="down" role="status">
      <Badge tone="bad">down</Badge> {what} could not be read: {error}
    </p>
  );
}

/** `render(data)` when the source answered, else why not. */
export function FromSource<T>({
  what,
  source,
  render,
}: {
  what: string;
  source: Sourced<T>;
  render: (data: T) => ReactNode;
}) {
  return source.ok ? <>{render(source.data)}</> : <SourceDown what={what} error={source.error} />;
}
