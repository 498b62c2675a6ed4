import { readFileSync } from 'node:fs';
import { sameConfig } from './apply-connector';
import { CONNECTOR_TEMPLATE, renderConnectorConfig } from './connector-config';

const values = {
  topic: 'tally.usage.events.v1',
  deadLetterTopic: 'tally.usage-backup.dead-letter.v1',
  mongoUrl: 'mongodb://127.0.0.1:27017',
  database: 'usage_backup',
  collection: 'usage_records',
};

describe('renderConnectorConfig', () => {
  it('fills the repository’s usage-backup connector', () => {
    const config = renderConnectorConfig(readFileSync(CONNECTOR_TEMPLATE, 'utf8'), values);
    expect(config).toMatchObject({
      'connector.class': 'com.mongodb.kafka.connect.MongoSinkConnector',
      topics: 'tally.usage.events.v1',
      'connection.uri': 'mongodb://127.0.0.1:27017',
      database: 'usage_backup',
      collection: 'usage_records',
      'value.converter.schemas.enable': 'false',
      'document.id.strategy':
        'com.mongodb.kafka.connect.sink.processor.id.strategy.ProvidedInValueStrategy',
    });
    // A message that is no storable usage event fails in the first transform, so errors.tolerance
    // sends it to the dead-letter topic, instead of reaching the sink as null and failing it.
    expect(config.transforms!.split(',')[0]).toBe('usageEvent');
    expect(config['transforms.usageEvent.type']).toBe('tally.connect.RequireUsageEvent');
    expect(config['errors.tolerance']).toBe('all');
    // The event's payload, keyed by the usage record's id, so a redelivery overwrites.
    expect(config['transforms.payload.field']).toBe('data');
    expect(config['transforms.id.renames']).toBe('usageId:_id');
    // Unreadable messages go aside; a failed write stops the task.
    expect(config['errors.deadletterqueue.topic.name']).toBe('tally.usage-backup.dead-letter.v1');
    expect(config['mongo.errors.tolerance']).toBe('none');
    expect(Object.values(config).join(' ')).not.toContain('{{');
  });

  it('names a placeholder that has no value', () => {
    expect(() => renderConnectorConfig('{"database": "{{databse}}"}', values)).toThrow(
      'connector template: database uses {{databse}}, which has no value',
    );
  });

  it('takes strings only, as Connect does', () => {
    expect(() => renderConnectorConfig('{"tasks.max": 1}', values)).toThrow(
      'connector template: tasks.max must be a string, got 1',
    );
    expect(() => renderConnectorConfig('[]', values)).toThrow('not a JSON object');
  });
});

describe('sameConfig', () => {
  const wanted = { topics: 't', database: 'd' };
  it('ignores the name the worker adds', () => {
    expect(sameConfig({ ...wanted, name: 'usage-backup' }, wanted, 'usage-backup')).toBe(true);
  });
  it('sees a changed, added or dropped key', () => {
    expect(sameConfig({ topics: 't', database: 'x' }, wanted, 'n')).toBe(false);
    expect(sameConfig({ ...wanted, extra: '1' }, wanted, 'n')).toBe(false);
    expect(sameConfig({ topics: 't' }, wanted, 'n')).toBe(false);
  });
});
