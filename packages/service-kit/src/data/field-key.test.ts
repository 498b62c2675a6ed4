import fc from 'fast-check';
import { escapeKey, unescapeKey } from './field-key';

describe('field keys', () => {
  it('leaves no "." nor "$" in a field name', () => {
    expect(escapeKey('$a.b%2E')).toBe('%24a%2Eb%252E');
  });

  it('decodes every id back to itself', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('.', '$', '%', '\0', '2', 'E', '4', '0', 'a') }),
        (id) => {
          const key = escapeKey(id);
          expect(key).not.toMatch(/[.$\0]/);
          expect(unescapeKey(key)).toBe(id);
        },
      ),
    );
  });
});
