/** GET /connectors/{name}/status, as Kafka Connect answers it. */
export interface ConnectorStatus {
  name: string;
  connector: { state: string; worker_id?: string; trace?: string };
  tasks: Array<{ id: number; state: string; worker_id?: string; trace?: string }>;
}

export type ConnectorHealth =
  | { state: 'RUNNING'; tasks: number }
  | { state: 'FAILED'; reason: string }
  | { state: 'STARTING'; reason: string };

/**
 * What a status means for someone waiting on the connector: RUNNING once it and every task
 * (at least one) run; FAILED as soon as it or any task failed, or was paused or stopped by
 * someone (waiting would be in vain); STARTING otherwise.
 */
export function connectorHealth(status: ConnectorStatus): ConnectorHealth {
  const { connector, tasks } = status;
  if (connector.state === 'FAILED')
    return { state: 'FAILED', reason: `connector failed: ${traceSummary(connector.trace)}` };
  const failed = tasks.find((t) => t.state === 'FAILED');
  if (failed)
    return { state: 'FAILED', reason: `task ${failed.id} failed: ${traceSummary(failed.trace)}` };
  const halted = [connector.state, ...tasks.map((t) => t.state)].find(
    (s) => s === 'PAUSED' || s === 'STOPPED',
  );
  if (halted) return { state: 'FAILED', reason: `connector is ${halted}` };
  if (
    connector.state === 'RUNNING' &&
    tasks.length > 0 &&
    tasks.every((t) => t.state === 'RUNNING')
  )
    return { state: 'RUNNING', tasks: tasks.length };
  const taskStates = tasks.map((t) => `task ${t.id} ${t.state}`).join(', ') || 'no tasks yet';
  return { state: 'STARTING', reason: `connector ${connector.state}, ${taskStates}` };
}

/**
 * A Java stack trace in one line: its first line, plus the root cause's when there is one
 * (Connect's first line is often just "Exiting WorkerSinkTask due to unrecoverable exception").
 */
export function traceSummary(trace: string | undefined): string {
  if (!trace) return 'no trace';
  const lines = trace.split('\n').map((l) => l.trim());
  const first = lines[0] ?? '';
  const cause = lines.filter((l) => l.startsWith('Caused by: ')).pop();
  return cause ? `${first} (${cause})` : first;
}
