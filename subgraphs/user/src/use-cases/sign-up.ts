import { DomainError } from '@tally/errors';
import { validateSignUp, type SignUpInput } from '../domain/sign-up';
import type { User } from '../domain/types';
import { applyUser } from './apply';
import { KINDS } from './changes';
import type { UserDeps } from './deps';
import { intendOne } from './intend';

/** A new user, and its UserSignedUp owed through the outbox. Phone taken -> CONFLICT. */
export function makeSignUp(deps: UserDeps) {
  return async (input: SignUpInput): Promise<User> => {
    const user: User = { id: deps.newId(), ...validateSignUp(input), createdAt: deps.now() };
    const intentId = await intendOne(deps.outbox, {
      kind: KINDS.userSignedUp,
      change: { user },
      messages: [deps.events.userSignedUp(user)],
    });
    if (!(await applyUser(deps.users, user, intentId))) {
      await deps.outbox.cancel([intentId]);
      throw new DomainError('CONFLICT', `a user with phone ${user.phone} already exists`);
    }
    deps.outbox.confirm([intentId]);
    return user;
  };
}
