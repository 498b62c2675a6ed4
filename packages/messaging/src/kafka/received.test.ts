import { headersOf, receivedOf } from './received';

describe('received messages', () => {
  it('reads headers as text, joining a header sent more than once', () => {
    expect(
      headersOf({
        'event-type': Buffer.from('UsageRecorded'),
        seen: [Buffer.from('a'), 'b'],
        gone: undefined,
      }),
    ).toEqual({ 'event-type': 'UsageRecorded', seen: 'a,b' });
    expect(headersOf(undefined)).toEqual({});
  });

  it('names where the message came from', () => {
    const value = Buffer.from('{}');
    expect(
      receivedOf('t', 2, { offset: '7', timestamp: '1', key: null, value, attributes: 0, size: 2 }),
    ).toEqual({
      topic: 't',
      partition: 2,
      offset: '7',
      timestamp: '1',
      key: null,
      value,
      headers: {},
    });
  });
});
