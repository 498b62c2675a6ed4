import type { Model } from 'mongoose';
import type { KnownUsers } from '../domain/ports';
import type { KnownUserDoc } from './known-user-model';

export function makeKnownUsers(knownUsers: Model<KnownUserDoc>): KnownUsers {
  return {
    async knownOf(ids) {
      if (ids.length === 0) return new Set();
      const known = await knownUsers
        .find({ _id: { $in: [...new Set(ids)] } }, { _id: 1 })
        .lean<Array<{ _id: string }>>()
        .exec();
      return new Set(known.map((k) => k._id));
    },
    async remember(ids, source) {
      if (ids.length === 0) return;
      // An event is the stronger source: it overwrites a lookup; a lookup never overwrites.
      const update = source === 'event' ? { $set: { source } } : { $setOnInsert: { source } };
      await knownUsers.bulkWrite(
        ids.map((id) => ({ updateOne: { filter: { _id: id }, update, upsert: true } })),
        { ordered: false },
      );
    },
  };
}
