import { clusterIdOf, newClusterId, renderKafkaProperties } from './kafka-properties';

const parse = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('renderKafkaProperties', () => {
  const props = parse(
    renderKafkaProperties({ port: 9092, controllerPort: 9093, logDir: '/d/kraft' }),
  );

  it('describes one combined KRaft node on loopback', () => {
    expect(props['process.roles']).toBe('broker,controller');
    expect(props['node.id']).toBe('1');
    expect(props['controller.quorum.voters']).toBe('1@127.0.0.1:9093');
    expect(props.listeners).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(props['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:9092');
    expect(props['controller.listener.names']).toBe('CONTROLLER');
    expect(props['log.dirs']).toBe('/d/kraft');
  });

  it('needs no more than one replica for internal topics and starts groups at once', () => {
    for (const key of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'share.coordinator.state.topic.replication.factor',
      'share.coordinator.state.topic.min.isr',
    ]) {
      expect(props[key]).toBe('1');
    }
    expect(props['group.initial.rebalance.delay.ms']).toBe('0');
    expect(props['auto.create.topics.enable']).toBe('true');
  });

  it('puts no comment after a value (it would become part of the value)', () => {
    for (const value of Object.values(props)) expect(value).not.toContain('#');
  });
});

describe('cluster ids', () => {
  it('makes 22-character base64url ids', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newClusterId()).not.toBe(id);
  });

  it('never starts an id with "-" (kafka-storage would read it as an option)', () => {
    for (let i = 0; i < 2000; i++) expect(newClusterId()).toMatch(/^[A-Za-z0-9]/);
  });

  it('reads the cluster id of a formatted log dir', () => {
    const meta = '#\n#Thu Nov 26\nnode.id=1\nversion=1\ncluster.id=sZsOijhoRKWfr9bz8vb_8A\n';
    expect(clusterIdOf(meta)).toBe('sZsOijhoRKWfr9bz8vb_8A');
    expect(clusterIdOf('node.id=1\n')).toBeNull();
  });
});
