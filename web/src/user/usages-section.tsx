import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { Pager } from '../components/pager';
import { useCursorPages } from '../components/use-cursor-pages';
import { formatDateTime } from '../format/dates';
import { formatAmount, USAGE_TYPES, usageTypeLabel } from '../format/usage';
import { UserUsagesDocument, type UsageType } from '../generated/operations';

const PAGE_SIZE = 20;

interface UsagesSectionProps {
  userId: string;
  period: string;
  changes: number;
}

export function UsagesSection({ userId, period, changes }: UsagesSectionProps) {
  const [type, setType] = useState<UsageType | null>(null);
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(
    UserUsagesDocument,
    { userId, period, type, first: PAGE_SIZE, after: pages.after },
    { version: changes },
  );
  const summary = data?.user?.usageSummary;
  const records = data?.user?.usages.edges.map((e) => e.node) ?? [];

  return (
    <section aria-label="Usage records">
      <div className="section-head">
        <h2>Usage in {period}</h2>
        <Field label="Show">
          <select
            value={type ?? ''}
            onChange={(e) => {
              setType((e.target.value || null) as UsageType | null);
              pages.reset();
            }}
          >
            <option value="">All types</option>
            {USAGE_TYPES.map((t) => (
              <option key={t} value={t}>
                {usageTypeLabel(t)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorMessage error={error} />
      {summary && (
        <p>
          {summary.records} records: {formatAmount('DATA', summary.dataMb)},{' '}
          {formatAmount('VOICE', summary.voiceSeconds)}, {formatAmount('SMS', summary.smsCount)}.
        </p>
      )}
      {!data && loading && <p className="muted">Loading usage…</p>}
      {data && records.length === 0 && <p className="muted">No usage recorded on this page.</p>}
      {records.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Occurred at</th>
              <th>Type</th>
              <th className="num">Amount</th>
              <th>Recorded at</th>
              <th>Record id</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.occurredAt)}</td>
                <td>{r.type}</td>
                <td className="num">{formatAmount(r.type, r.amount)}</td>
                <td>{formatDateTime(r.recordedAt)}</td>
                <td className="mono">{r.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager pages={pages} pageInfo={data?.user?.usages.pageInfo} label="Usage pages" />
    </section>
  );
}
