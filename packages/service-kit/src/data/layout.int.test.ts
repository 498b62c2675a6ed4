import mongoose, { type Connection } from 'mongoose';
import { mongoUrlFor, uniqueName } from '@tally/testkit';
import { createLogger } from '../logger';
import { ensureLayout, LayoutError } from './layout';

const logger = createLogger('layout-test', 'warn');

describe('ensureLayout', () => {
  const opened: Connection[] = [];
  const open = async () => {
    const db = await mongoose.createConnection(mongoUrlFor(uniqueName('layout'))).asPromise();
    opened.push(db);
    return db;
  };
  afterAll(() => Promise.all(opened.map((db) => db.close())));
  const versionOf = async (db: Connection) =>
    (await db.collection<{ _id: string; version: number }>('tally_layout').findOne({ _id: 'svc' }))
      ?.version;

  it('records the current layout on an empty database and migrates nothing', async () => {
    const db = await open();
    const migrate = jest.fn(async () => {});
    await ensureLayout(db, { service: 'svc', version: 2, migrations: { 2: migrate }, logger });
    expect(migrate).not.toHaveBeenCalled();
    expect(await versionOf(db)).toBe(2);
  });

  it('takes a database written before layouts were recorded as layout 1 and migrates it once', async () => {
    const db = await open();
    await db.collection('old_things').insertOne({ _id: 'x' } as never);
    const migrate = jest.fn(async (d: Connection) => {
      await d.collection('old_things').drop();
    });
    await ensureLayout(db, { service: 'svc', version: 2, migrations: { 2: migrate }, logger });
    await ensureLayout(db, { service: 'svc', version: 2, migrations: { 2: migrate }, logger });
    expect(migrate).toHaveBeenCalledTimes(1);
    expect(await versionOf(db)).toBe(2);
  });

  it('leaves the layout as it was when a migration fails, so the next start runs it again', async () => {
    const db = await open();
    await db.collection('old_things').insertOne({ _id: 'x' } as never);
    const failing = async () => {
      throw new Error('disk full');
    };
    await expect(
      ensureLayout(db, { service: 'svc', version: 2, migrations: { 2: failing }, logger }),
    ).rejects.toThrow('disk full');
    expect(await versionOf(db)).toBeUndefined();
  });

  it('refuses a database of a newer layout than the code knows', async () => {
    const db = await open();
    await ensureLayout(db, { service: 'svc', version: 3, migrations: {}, logger });
    await expect(
      ensureLayout(db, { service: 'svc', version: 2, migrations: {}, logger }),
    ).rejects.toThrow(LayoutError);
  });
});
