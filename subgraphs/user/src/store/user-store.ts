import { decodeCursor, encodeCursor, isDuplicateKey, toConnection } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { UserStore } from '../domain/ports';
import type { User } from '../domain/types';
import type { UserDoc } from './user-model';

export function makeUserStore(users: Model<UserDoc>): UserStore {
  return {
    async insert(user, outboxId) {
      try {
        await users.insertMany([toDoc(user, outboxId)], { lean: true });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async outboxIdOf(id) {
      const doc = await users.findById(id, { outboxId: 1 }).lean<Pick<UserDoc, 'outboxId'>>();
      return doc?.outboxId ?? null;
    },
    async byIds(ids) {
      const docs = await users.find({ _id: { $in: [...ids] } }).lean<UserDoc[]>();
      return docs.map(toUser);
    },
    async byPhone(phone) {
      const doc = await users.findOne({ phone }).lean<UserDoc>();
      return doc ? toUser(doc) : null;
    },
    // A scan of the users collection (range, $or and sort): listing all users is an
    // operator's occasional read, never a hot path.
    async page(size, after) {
      const filter = after ? afterFilter(decodeCursor(after, 2)) : {};
      const docs = await users
        .find(filter)
        .sort({ createdAt: 1, _id: 1 })
        .limit(size + 1)
        .lean<UserDoc[]>();
      return toConnection(docs.map(toUser), size, cursorOf);
    },
  };
}

function toDoc(u: User, outboxId: string): UserDoc {
  return {
    _id: u.id,
    name: u.name,
    phone: u.phone,
    email: u.email,
    createdAt: u.createdAt,
    outboxId,
  };
}

export function toUser(d: UserDoc): User {
  return {
    id: d._id,
    name: d.name,
    phone: d.phone,
    email: d.email ?? null,
    createdAt: d.createdAt,
  };
}

const cursorOf = (u: User) => encodeCursor([u.createdAt.getTime(), u.id]);

function afterFilter([createdAtMs, id]: Array<string | number>) {
  const createdAt = new Date(Number(createdAtMs));
  return { $or: [{ createdAt: { $gt: createdAt } }, { createdAt, _id: { $gt: String(id) } }] };
}
