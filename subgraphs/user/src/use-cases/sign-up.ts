import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { isDuplicateKey, withOutbox, type OutboxDoc } from '@tally/service-kit';
import type { Model } from 'mongoose';
import { validateSignUp, type SignUpInput } from '../domain/sign-up';
import type { UserEvents } from '../events/user-events';
import type { UserDoc } from '../store/user-model';

export function makeSignUp(deps: {
  users: Model<UserDoc>;
  events: UserEvents;
  /** Called with documents just written with their outbox: the relay publishes them at once. */
  written: (docs: Array<OutboxDoc & { _id: string }>) => void;
}) {
  return async (input: SignUpInput): Promise<UserDoc> => {
    const user: UserDoc = { _id: randomUUID(), ...validateSignUp(input), createdAt: new Date() };
    const owed = withOutbox(user, [deps.events.userSignedUp(user)]);
    try {
      await deps.users.create(owed);
    } catch (err) {
      if (isDuplicateKey(err))
        throw new DomainError('CONFLICT', `a user with phone ${user.phone} already exists`);
      throw err;
    }
    deps.written([owed]);
    return user;
  };
}
