import { useState } from 'react';
import type {
  DeadLetterDetail,
  DeadLettersView,
  ReplayResult,
} from '../../server/src/ops/ops-types';
import { describeError } from '../api/error-messages';
import { ApiError } from '../api/graphql-client';
import { useSession } from '../auth/use-session';
import { ErrorMessage } from '../components/error-message';
import { Notice } from '../components/notice';
import { opsRequest } from './ops-api';
import { formatInstant } from './ops-format';
import { SourceDown } from './source-down';
import { useOps } from './use-ops';

const sayReplayed = (r: ReplayResult) =>
  [
    `Replayed ${r.replayed.length}${r.replayed.map((x) => ` ${x.id} → ${x.topic}`).join(',')}.`,
    ...r.skipped.map((s) => `Skipped ${s.id}: ${s.why}.`),
  ].join(' ');

/** The dead-letter topic: list, show one, replay one or all (packages/dlq's logic, server side). */
export function DeadLettersPanel() {
  const { data, error, refresh } = useOps<DeadLettersView>('dead-letters');
  const mayReplay = useSession().scopes.has('ops:write');
  const [shown, setShown] = useState<DeadLetterDetail | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }
  const show = (id: string) =>
    act(async () => setShown(await opsRequest<DeadLetterDetail>(`dead-letters/${id}`)));
  const replay = (ids?: string[]) =>
    act(async () => {
      setSaid(sayReplayed(await opsRequest<ReplayResult>('dead-letters/replay', { ids })));
      refresh();
    });

  if (!data)
    return error ? (
      <SourceDown
        what="The dead-letter topic"
        error={
          error instanceof ApiError && error.code === 'UNAVAILABLE'
            ? error.message
            : describeError(error)
        }
      />
    ) : (
      <p className="muted">Reading the dead-letter topic…</p>
    );
  return (
    <>
      <div className="toolbar">
        <span>
          <strong>{data.total}</strong> dead letter{data.total === 1 ? '' : 's'} in{' '}
          <span className="mono">{data.topic}</span>
          {data.total > data.letters.length && ` (the newest ${data.letters.length} shown)`}
        </span>
        {mayReplay && data.total > 0 && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`Send all ${data.total} dead letters back to their topics?`))
                void replay();
            }}
          >
            Replay all
          </button>
        )}
      </div>
      <Notice text={said} />
      <ErrorMessage error={failure ?? error} />
      {data.letters.length === 0 ? (
        <p className="muted">Nothing was set aside: every event so far was processed.</p>
      ) : (
        <table aria-label="Dead letters">
          <thead>
            <tr>
              <th>Letter</th>
              <th>Set aside</th>
              <th>From</th>
              <th>Event</th>
              <th>Reason</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.letters.map((l) => (
              <tr key={l.id}>
                <td className="mono">{l.id}</td>
                <td>{formatInstant(l.at)}</td>
                <td className="mono">
                  {l.original.topic || '?'} {l.original.partition}:{l.original.offset}
                </td>
                <td>{l.eventType ?? <span className="muted">not an event</span>}</td>
                <td className="reason">{l.reason}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy}
                    onClick={() => void show(l.id)}
                  >
                    Show
                  </button>
                  {mayReplay && (
                    <button
                      type="button"
                      className="secondary small"
                      disabled={busy}
                      onClick={() => void replay([l.id])}
                    >
                      Replay
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && (
        <section className="letter" aria-label={`Dead letter ${shown.id}`}>
          <div className="section-head">
            <h3>Dead letter {shown.id}</h3>
            <button type="button" className="secondary small" onClick={() => setShown(null)}>
              Close
            </button>
          </div>
          <p>
            <strong>Reason:</strong> {shown.reason}
            <br />
            <strong>Key:</strong> <span className="mono">{shown.key ?? '(none)'}</span>
          </p>
          <pre>{shown.value}</pre>
        </section>
      )}
    </>
  );
}
