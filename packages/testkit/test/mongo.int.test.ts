import mongoose from 'mongoose';
import { mongoUrlFor, uniqueName } from '../src';

describe('the MongoDB of the test run', () => {
  it('stores and finds documents through mongoose and enforces unique indexes', async () => {
    const conn = await mongoose.createConnection(mongoUrlFor(uniqueName('testkit'))).asPromise();
    try {
      const User = conn.model(
        'User',
        new mongoose.Schema({ email: { type: String, unique: true } }),
      );
      await User.init();
      await User.create({ email: 'ada@example.com' });
      expect(await User.countDocuments({ email: 'ada@example.com' })).toBe(1);
      await expect(User.create({ email: 'ada@example.com' })).rejects.toMatchObject({
        code: 11000,
      });
    } finally {
      await conn.close();
    }
  });
});
