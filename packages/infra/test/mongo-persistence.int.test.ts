import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { isAlive } from '../src/pid-files';
import { startMongo } from '../src';

const ROOT = join(__dirname, '..', '..', '..');

describe('a disk-backed MongoDB (H2 file)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tally-mongo-h2-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a document across a restart on the same file, and its process ends on stop', async () => {
    const h2File = join(dir, 'data.mv');
    const logFile = join(dir, 'mongo.log');
    const Plan = new mongoose.Schema({ code: { type: String, unique: true }, cents: Number });

    const first = await startMongo({ rootDir: ROOT, h2File, logFile });
    try {
      const conn = await mongoose.createConnection(`${first.url}/persist`).asPromise();
      const Model = conn.model('Plan', Plan);
      await Model.init();
      await new Model({ code: 'basic-10', cents: 1999 }).save();
      await conn.close();
    } finally {
      await first.stop();
    }
    expect(isAlive(first.pid)).toBe(false);

    const second = await startMongo({ rootDir: ROOT, h2File, logFile });
    try {
      const conn = await mongoose.createConnection(`${second.url}/persist`).asPromise();
      const Model = conn.model('Plan', Plan);
      const found = await Model.findOne({ code: 'basic-10' }).lean();
      expect(found).toMatchObject({ code: 'basic-10', cents: 1999 });
      await expect(new Model({ code: 'basic-10', cents: 1 }).save()).rejects.toMatchObject({
        code: 11000,
      });
      await conn.close();
    } finally {
      await second.stop();
    }
    expect(isAlive(second.pid)).toBe(false);
  });
});
