import { partitionLags, topicSize } from './consumer-lag';

const ranges = [
  { partition: 0, low: '0', high: '10' },
  { partition: 1, low: '5', high: '8' },
  { partition: 2, low: '0', high: '0' },
];

describe('consumer lag', () => {
  it('is the high watermark less the committed offset, per partition', () => {
    const committed = [
      { partition: 0, offset: '7' },
      { partition: 1, offset: '8' },
      { partition: 2, offset: '-1' },
    ];
    expect(partitionLags('t', ranges, committed)).toEqual([
      { topic: 't', partition: 0, lag: 3 },
      { topic: 't', partition: 1, lag: 0 },
      { topic: 't', partition: 2, lag: 0 },
    ]);
  });

  it('counts what a partition holds when the group committed nothing, or before its start', () => {
    expect(partitionLags('t', ranges, [{ partition: 1, offset: '2' }])).toEqual([
      { topic: 't', partition: 0, lag: 10 },
      { topic: 't', partition: 1, lag: 3 },
      { topic: 't', partition: 2, lag: 0 },
    ]);
  });

  it("sums a topic's messages over its partitions", () => {
    expect(topicSize(ranges)).toBe(13);
    expect(topicSize([])).toBe(0);
  });
});
