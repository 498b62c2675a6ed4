import type { CompositionView } from '../../server/src/ops/ops-types';
import { formatInstant, shortId } from './ops-format';
import { Badge } from './source-down';

/** The supergraphs the registry served, newest first; the first is the one served now. */
export function SupergraphHistory({ compositions }: { compositions: CompositionView[] }) {
  if (compositions.length === 0) return <p className="muted">Nothing has been composed yet.</p>;
  return (
    <table aria-label="Supergraph history">
      <thead>
        <tr>
          <th>Supergraph</th>
          <th>Composed</th>
          <th>Subgraphs</th>
        </tr>
      </thead>
      <tbody>
        {compositions.map((c, i) => (
          <tr key={`${c.id}-${c.composedAt}`}>
            <td className="mono" title={c.id}>
              {shortId(c.id)} {i === 0 && <Badge tone="ok">served</Badge>}
            </td>
            <td>{formatInstant(c.composedAt)}</td>
            <td>{c.subgraphs.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
