import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { isDuplicateKey, withOutbox } from '@tally/service-kit';
import type { Model } from 'mongoose';
import { validateSignUp, type SignUpInput } from '../domain/sign-up';
import type { UserEvents } from '../events/user-events';
import type { UserDoc } from '../store/user-model';

export function makeSignUp(deps: {
  users: Model<UserDoc>;
  events: UserEvents;
  published: () => void;
}) {
  return async (input: SignUpInput): Promise<UserDoc> => {
    const user: UserDoc = { _id: randomUUID(), ...validateSignUp(input), createdAt: new Date() };
    try {
      await deps.users.create(withOutbox(user, [deps.events.userSignedUp(user)]));
    } catch (err) {
      if (isDuplicateKey(err))
        throw new DomainError('CONFLICT', `a user with phone ${user.phone} already exists`);
      throw err;
    }
    deps.published();
    return user;
  };
}
