import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { isDuplicateKey, withOutbox } from '@tally/service-kit';
import type { Model } from 'mongoose';
import { normalisePhone } from '../domain/phone';
import type { UserEvents } from '../events/user-events';
import type { UserDoc } from '../store/user-model';

export interface SignUpInput {
  name: string;
  phone: string;
  email?: string | null;
}

export function makeSignUp(deps: { users: Model<UserDoc>; events: UserEvents; published: () => void }) {
  return async (input: SignUpInput): Promise<UserDoc> => {
    const name = input.name.trim();
    if (!name) throw new DomainError('BAD_USER_INPUT', 'name must not be empty');
    const email = input.email?.trim() || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new DomainError('BAD_USER_INPUT', `not an email address: ${email}`);
    const user: UserDoc = { _id: randomUUID(), name, phone: normalisePhone(input.phone), email, createdAt: new Date() };
    try {
      await deps.users.create(withOutbox(user, [deps.events.userSignedUp(user)]));
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', `a user with phone ${user.phone} already exists`);
      throw err;
    }
    deps.published();
    return user;
  };
}
