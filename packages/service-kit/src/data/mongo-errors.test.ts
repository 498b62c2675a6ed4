import { mongo } from 'mongoose';
import { duplicateIndexes, isDuplicateKey } from './mongo-errors';

describe('duplicateIndexes', () => {
  it('lists the positions refused as duplicate keys', () => {
    const err = {
      code: 11000,
      writeErrors: [{ code: 11000, index: 2 }, { err: { code: 11000, index: 5 } }],
    };
    expect(duplicateIndexes(err)).toEqual([2, 5]);
  });
  it('reads a single duplicate-key error', () =>
    expect(duplicateIndexes({ code: 11000, index: 3 })).toEqual([3]));
  it('rethrows when anything else failed', () => {
    const err = {
      writeErrors: [
        { code: 11000, index: 0 },
        { code: 121, index: 1 },
      ],
    };
    expect(() => duplicateIndexes(err)).toThrow(expect.objectContaining(err));
    const network = new Error('connection reset');
    expect(() => duplicateIndexes(network)).toThrow(network);
  });
  it('rethrows a bulk write the connection broke (no writeErrors): nothing is known stored', () => {
    // What insertMany throws when the server goes away mid-write (npm run chaos, restart-mongo).
    const broken = new mongo.MongoBulkWriteError(
      new mongo.MongoNetworkError('connection 4 to 127.0.0.1:27017 closed'),
      {} as never,
    );
    expect(broken.writeErrors).toEqual([]);
    expect(() => duplicateIndexes(broken)).toThrow(broken);
    expect(() => duplicateIndexes({ writeErrors: [] })).toThrow();
  });
  it('knows a duplicate key', () =>
    expect([isDuplicateKey({ code: 11000 }), isDuplicateKey(new Error('x'))]).toEqual([
      true,
      false,
    ]));
});
