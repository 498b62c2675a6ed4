import { DEMO_PLANS, demoUser } from './demo-data';
import { GatewayError, type GatewayCall } from './gateway-client';
import {
  SeedCreatePlanDocument,
  SeedSignUpDocument,
  SeedSubscribeDocument,
  SeedUserByPhoneDocument,
} from './generated/operations';
import { TIME_ZONE, type SeedOptions } from './options';
import { inPool } from './pool';
import { progressBar } from '@tally/cli-kit';

export interface SeededUser {
  index: number;
  id: string;
  /** Signed up by this run (else found from an earlier one). */
  signedUp: boolean;
  /** Subscriptions this run made. */
  subscribed: number;
  /** Signed up now, but a subscription into the month was refused: the month is closed. */
  refused: string | null;
}

const isCode = (err: unknown, code: string) => err instanceof GatewayError && err.code === code;

export async function createPlans(call: GatewayCall): Promise<void> {
  for (const plan of DEMO_PLANS) {
    await call(SeedCreatePlanDocument, { input: plan }).catch((err: unknown) => {
      if (!isCode(err, 'CONFLICT')) throw err; // seeded before: plans are immutable
    });
  }
  console.log(`plans: ${DEMO_PLANS.map((p) => p.id).join(', ')}`);
}

/** Subscribes a new user to its demo plans; the refusal when the month is closed (CONFLICT). */
async function subscribe(call: GatewayCall, user: SeededUser, opts: SeedOptions) {
  for (const p of demoUser(user.index, opts.period, TIME_ZONE).plans) {
    try {
      await call(SeedSubscribeDocument, { input: { userId: user.id, ...p } });
      user.subscribed += 1;
    } catch (err) {
      if (!isCode(err, 'CONFLICT')) throw err;
      user.refused = (err as Error).message;
      return;
    }
  }
}

/** The user's id: signed up now, or (`null`) its phone was taken by an earlier run. */
async function signUp(call: GatewayCall, name: string, phone: string): Promise<string | null> {
  try {
    return (await call(SeedSignUpDocument, { input: { name, phone } })).signUp.id;
  } catch (err) {
    if (!isCode(err, 'CONFLICT')) throw err;
    return null;
  }
}

/** Signs users up and subscribes them, or finds them from an earlier run (they keep their plans). */
export async function createUsers(call: GatewayCall, opts: SeedOptions): Promise<SeededUser[]> {
  const users: SeededUser[] = new Array(opts.users);
  const bar = progressBar('users', opts.users);
  await inPool([...Array(opts.users).keys()], opts.concurrency, async (index) => {
    const demo = demoUser(index, opts.period, TIME_ZONE);
    const user: SeededUser = { index, id: '', signedUp: false, subscribed: 0, refused: null };
    const id = await signUp(call, demo.name, demo.phone);
    if (id) {
      user.id = id;
      user.signedUp = true;
      await subscribe(call, user, opts);
    } else {
      const found = await call(SeedUserByPhoneDocument, { phone: demo.phone });
      if (!found.userByPhone) throw new Error(`phone ${demo.phone} is taken, yet no user has it`);
      user.id = found.userByPhone.id;
    }
    users[index] = user;
    bar.tick();
  });
  bar.finish();
  const fresh = users.filter((u) => u.signedUp).length;
  console.log(`users: ${fresh} signed up, ${users.length - fresh} found from an earlier run`);
  return users;
}
