import { connectorHealth, traceSummary, type ConnectorStatus } from './connector-state';

const status = (connector: string, ...tasks: string[]): ConnectorStatus => ({
  name: 'usage-backup',
  connector: { state: connector },
  tasks: tasks.map((state, id) => ({ id, state })),
});

const TRACE = `org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.
\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:636)
Caused by: org.apache.kafka.connect.errors.DataException: Converting byte[] to Kafka Connect data failed
\tat org.apache.kafka.connect.json.JsonConverter.toConnectData(JsonConverter.java:333)
Caused by: org.apache.kafka.common.errors.SerializationException: Unrecognized token 'oops'
\t... 12 more`;

describe('connectorHealth', () => {
  it('is RUNNING once the connector and every task run', () => {
    expect(connectorHealth(status('RUNNING', 'RUNNING'))).toEqual({ state: 'RUNNING', tasks: 1 });
  });

  it('is STARTING while tasks are missing or unassigned', () => {
    expect(connectorHealth(status('RUNNING'))).toEqual({
      state: 'STARTING',
      reason: 'connector RUNNING, no tasks yet',
    });
    expect(connectorHealth(status('UNASSIGNED', 'UNASSIGNED')).state).toBe('STARTING');
  });

  it('is FAILED with the failed task’s error in one line', () => {
    const s = status('RUNNING', 'RUNNING', 'FAILED');
    s.tasks[1]!.trace = TRACE;
    expect(connectorHealth(s)).toEqual({
      state: 'FAILED',
      reason:
        "task 1 failed: org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception. (Caused by: org.apache.kafka.common.errors.SerializationException: Unrecognized token 'oops')",
    });
  });

  it('treats a failed connector, or a paused one, as failed', () => {
    const failed = status('FAILED');
    failed.connector.trace = 'java.lang.IllegalArgumentException: bad uri';
    expect(connectorHealth(failed)).toEqual({
      state: 'FAILED',
      reason: 'connector failed: java.lang.IllegalArgumentException: bad uri',
    });
    expect(connectorHealth(status('PAUSED', 'PAUSED'))).toEqual({
      state: 'FAILED',
      reason: 'connector is PAUSED',
    });
  });
});

describe('traceSummary', () => {
  it('is the first line alone when nothing caused it', () => {
    expect(traceSummary('java.lang.NullPointerException\n\tat x.y(Z.java:1)')).toBe(
      'java.lang.NullPointerException',
    );
    expect(traceSummary(undefined)).toBe('no trace');
  });
});
