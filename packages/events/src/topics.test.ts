import { DEFAULT_TOPICS, topicOf, topicsSchema } from './topics';

describe('topics', () => {
  it('defaults every topic name that configuration leaves out', () => {
    expect(topicsSchema.parse(undefined)).toEqual(DEFAULT_TOPICS);
    expect(topicsSchema.parse({ usage: 'test.usage.v1' })).toEqual({
      ...DEFAULT_TOPICS,
      usage: 'test.usage.v1',
    });
  });

  it('rejects names Kafka would refuse', () => {
    expect(topicsSchema.safeParse({ users: 'has space' }).success).toBe(false);
    expect(topicsSchema.safeParse({ users: '' }).success).toBe(false);
  });

  it('sends user-subgraph events to the users topic and usage to the usage topic', () => {
    expect(topicOf('UserSignedUp', DEFAULT_TOPICS)).toBe('tally.user.events.v1');
    expect(topicOf('PlanCreated', DEFAULT_TOPICS)).toBe('tally.user.events.v1');
    expect(topicOf('PlanSubscribed', DEFAULT_TOPICS)).toBe('tally.user.events.v1');
    expect(topicOf('UsageRecorded', DEFAULT_TOPICS)).toBe('tally.usage.events.v1');
  });
});
