import { z } from 'zod';
import { keysOfSchema } from './schema-keys';

describe('keysOfSchema', () => {
  const schema = z
    .object({
      registry: z.object({ url: z.string() }).default({ url: 'x' }),
      tokens: z.record(z.string(), z.string()),
      port: z.coerce.number().pipe(z.number()),
    })
    .superRefine(() => undefined);

  it('drops the keys the schema does not name, at every depth, and keeps records whole', () => {
    const tree = {
      registry: { url: 'http://r', token: 'unused' },
      tokens: { a: '1', b: '2' },
      port: 'not a number',
      unused: 'x',
    };
    expect(keysOfSchema(schema, tree)).toEqual({
      registry: { url: 'http://r' },
      tokens: { a: '1', b: '2' },
      port: 'not a number',
    });
  });
});
