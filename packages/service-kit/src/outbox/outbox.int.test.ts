import { eventually } from '@tally/testkit';
import { MAX_EVENT_BYTES } from './outbox';
import {
  createHarness,
  failingAfterSend,
  message,
  type Harness,
  type Put,
} from '../../test/outbox-harness';

// A crash is a process that stops between two steps: `crashed` only ever runs the steps
// before the crash and is never started; `restarted` is the next process on the same data.
describe('the outbox', () => {
  let h: Harness;
  beforeEach(async () => (h = await createHarness()));
  afterEach(() => h.close());

  /**
   * An intent whose event is over the broker's 1 MB: `intend` refuses such a change now, but
   * one written before that check (or for a broker configured smaller) must block nothing.
   */
  async function storeRefusedIntent() {
    const huge = { key: 'huge', value: 'x'.repeat(2 * 1024 * 1024) };
    await h.intents().insertOne({
      _id: 'intent-huge',
      kind: 'put',
      change: huge,
      messages: [message(h.topic, huge)],
      createdAt: new Date(),
    });
  }

  it('publishes at once on confirm, batching concurrent requests, and leaves nothing pending', async () => {
    const outbox = h.outbox({ graceMs: 60_000 }); // the sweep cannot be the one publishing
    await outbox.start();
    const requests = Array.from({ length: 20 }, async (_, r) => {
      const changes = Array.from({ length: 50 }, (_, i) => ({ key: `k${r}-${i}`, value: 'v' }));
      const ids = await outbox.intend(changes.map((c) => h.entry(c)));
      const stood = await Promise.all(changes.map((c, i) => h.put(c, ids[i]!)));
      outbox.confirm(ids.filter((_, i) => stood[i]));
    });
    await Promise.all(requests);
    await outbox.flush();

    const published = await h.published();
    expect(published).toHaveLength(1000);
    expect(new Set(published.map((p) => p.key)).size).toBe(1000);
    expect(await outbox.pending()).toBe(0);
    expect(await h.intents().countDocuments()).toBe(0);
  });

  it('leaves a failed confirm to the sweep, never throwing, and it is published once', async () => {
    const refusing = h.bus.publisher();
    refusing.publish = async () => {
      throw new Error('broker unreachable');
    };
    const live = h.outbox({ publisher: refusing, graceMs: 60_000 });
    await live.start();
    const [id] = await live.intend([h.entry({ key: 'a', value: 'v' })]);
    await h.put({ key: 'a', value: 'v' }, id!);
    expect(() => live.confirm([id!])).not.toThrow();
    await live.flush();
    expect(await live.pending()).toBe(1);

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();

    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await restarted.pending()).toBe(0);
  });

  it('does not race a live request: an intent younger than the grace is left alone', async () => {
    const live = h.outbox();
    await live.intend([h.entry({ key: 'a', value: 'v' })]);

    const other = h.outbox({ graceMs: 60_000 });
    await other.start();
    await other.flush();

    expect(await h.stateOf('a')).toBeNull();
    expect(await h.published()).toEqual([]);
    expect(await other.pending()).toBe(1);
  });

  it('publishes nothing more on a late confirm of an intent the sweep already finished', async () => {
    const outbox = h.outbox(); // no grace: its own sweep takes the intent before the confirm
    await outbox.start();
    const [id] = await outbox.intend([h.entry({ key: 'a', value: 'v' })]);
    await h.put({ key: 'a', value: 'v' }, id!);
    await outbox.flush();
    outbox.confirm([id!]);
    await outbox.flush();

    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await outbox.pending()).toBe(0);
  });

  it('refuses a change whose event could never be published, storing nothing', async () => {
    const outbox = h.outbox();
    await outbox.start();
    const huge = h.entry({ key: 'huge', value: 'x'.repeat(MAX_EVENT_BYTES) });
    await expect(outbox.intend([h.entry({ key: 'small', value: 'v' }), huge])).rejects.toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/bytes/) }),
    );
    expect(await h.intents().countDocuments()).toBe(0);
    await outbox.flush();
    expect(await h.published()).toHaveLength(0);
  });

  it('deletes a cancelled intent unpublished', async () => {
    const outbox = h.outbox();
    await outbox.start();
    const [id] = await outbox.intend([h.entry({ key: 'a', value: 'v' })]);
    await outbox.cancel([id!]);
    await outbox.flush();

    expect(await h.published()).toEqual([]);
    expect(await outbox.pending()).toBe(0);
    expect(await h.stateOf('a')).toBeNull();
  });

  it('crash after the intent, before the state: the redo writes the state, published once', async () => {
    const crashed = h.outbox();
    const [id] = await crashed.intend([h.entry({ key: 'a', value: 'v' })]);

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();

    expect(await h.stateOf('a')).toMatchObject({ value: 'v', outboxId: id });
    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await restarted.pending()).toBe(0);
  });

  it('crash after the state, before publishing: the sweep publishes once', async () => {
    const crashed = h.outbox();
    const [id] = await crashed.intend([h.entry({ key: 'a', value: 'v' })]);
    expect(await h.put({ key: 'a', value: 'v' }, id!)).toBe(true);

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();
    await restarted.flush(); // a second pass finds nothing left to publish

    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await restarted.pending()).toBe(0);
  });

  it('crash after publishing, before the delete: published again (at least once)', async () => {
    // The events went out but the intent stayed, so the next process cannot know and sends
    // them again. That is the promise: at least once; consumers are idempotent by event id.
    const crashed = h.outbox({
      publisher: failingAfterSend(h.bus.publisher()),
      graceMs: 60_000,
    });
    await crashed.start();
    const [id] = await crashed.intend([h.entry({ key: 'a', value: 'v' })]);
    await h.put({ key: 'a', value: 'v' }, id!);
    crashed.confirm([id!]);
    await crashed.flush();
    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await crashed.pending()).toBe(1);

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();

    expect(await h.published()).toEqual([
      { key: 'a', value: 'v' },
      { key: 'a', value: 'v' },
    ]);
    expect(await restarted.pending()).toBe(0);
  });

  it('drops an intent whose state lost to another write: nothing published', async () => {
    expect(await h.put({ key: 'a', value: 'theirs' }, 'another-intent')).toBe(true);
    const crashed = h.outbox();
    await crashed.intend([h.entry({ key: 'a', value: 'mine' })]);

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();

    expect(await h.published()).toEqual([]);
    expect(await restarted.pending()).toBe(0);
    expect(await h.stateOf('a')).toMatchObject({ value: 'theirs', outboxId: 'another-intent' });
  });

  it('sweeps each kind on its own: a kind whose redo throws holds back no other', async () => {
    const crashed = h.outbox();
    await crashed.intend([h.entry({ key: 'b1', value: 'v' }, 'broken')]);
    await crashed.intend([
      h.entry({ key: 'a', value: 'v' }),
      h.entry({ key: 'b2', value: 'v' }, 'broken'),
    ]);

    const broken = async (): Promise<boolean> => {
      throw new Error('redo bug');
    };
    const restarted = h.outbox({ redo: { put: h.put, broken } });
    await restarted.start();
    await restarted.flush();
    await restarted.flush();

    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await restarted.pending()).toBe(2);
    const failures = h.logLines.filter(
      (l) => l.msg === 'outbox sweep: redo failed; retrying later',
    );
    expect(failures).toHaveLength(1); // one line for the batch; the second pass waits its turn
    expect(failures[0]).toMatchObject({ kind: 'broken', intents: 2 });
  });

  it('leaves an intent of an unknown kind in place and says so', async () => {
    const crashed = h.outbox();
    await crashed.intend([
      h.entry({ key: 'x', value: 'v' }, 'retired'),
      h.entry({ key: 'a', value: 'v' }),
    ]);

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();

    expect(await h.published()).toEqual([{ key: 'a', value: 'v' }]);
    expect(await restarted.pending()).toBe(1);
    expect(h.logLines).toContainEqual(
      expect.objectContaining({
        kind: 'retired',
        msg: 'outbox sweep: no redo for this kind; left',
      }),
    );
  });

  it('sweeps oldest first, across batches, whatever order the store returns', async () => {
    const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));
    const shuffled = [3, 1, 5, 2, 4];
    await h.intents().insertMany(
      shuffled.map((n) => {
        const change: Put = { key: `k${n}`, value: 'v' };
        return {
          _id: `intent-${n}`,
          kind: 'put',
          change,
          messages: [message(h.topic, change)],
          createdAt: at(n),
        };
      }),
    );

    const restarted = h.outbox({ batchSize: 2 });
    await restarted.start();
    await restarted.flush();

    expect((await h.published()).map((p) => p.key)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
  });

  it('publishes the rest of a kind when one of its events is refused by the broker', async () => {
    const crashed = h.outbox();
    await storeRefusedIntent();
    await crashed.intend(['a', 'b', 'c'].map((key) => h.entry({ key, value: 'v' })));

    const restarted = h.outbox();
    await restarted.start();
    await restarted.flush();

    expect((await h.published()).map((p) => p.key)).toEqual(['a', 'b', 'c']);
    expect(await restarted.pending()).toBe(1);
    expect(h.logLines).toContainEqual(
      expect.objectContaining({
        msg: 'outbox sweep: the broker refused these events; retrying later',
      }),
    );
  });

  it('parks an intent the broker refused every time, with its reason, and counts it', async () => {
    await storeRefusedIntent();
    // Retries 10 ms apart, doubling: three refusals take well under a second.
    const outbox = h.outbox({ sweepMs: 10, maxPublishAttempts: 3 });
    await outbox.start();
    const ok = h.entry({ key: 'after', value: 'v' });
    const [id] = await outbox.intend([ok]);
    await h.put(ok.change, id!);
    await eventually('the refused intent parked', async () => {
      await outbox.flush();
      return (await outbox.parked()) === 1 ? true : undefined;
    });
    expect(await outbox.pending()).toBe(0);
    expect((await h.published()).map((p) => p.key)).toEqual(['after']);
    const parked = await h.db.collection('outbox_parked').findOne({ _id: 'intent-huge' as never });
    expect(parked).toMatchObject({ kind: 'put', attempts: 3, reason: expect.any(String) });
    expect(h.logLines).toContainEqual(
      expect.objectContaining({
        msg: 'outbox: events the broker refused every time were parked; the rest go on',
      }),
    );
  });
});
