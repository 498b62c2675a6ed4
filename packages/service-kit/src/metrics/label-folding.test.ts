import {
  ANONYMOUS_OPERATION,
  createLabelFolder,
  createOperationLabels,
  createOutcomeLabels,
  OTHER_LABEL,
} from './label-folding';

describe('operation labels', () => {
  it('keeps a named operation and folds anonymous or unreadable names into one value', () => {
    const label = createOperationLabels();
    expect(label('BillOfUser')).toBe('BillOfUser');
    expect(label(null)).toBe(ANONYMOUS_OPERATION);
    expect(label(undefined)).toBe(ANONYMOUS_OPERATION);
    expect(label('')).toBe(ANONYMOUS_OPERATION);
    expect(label('not a name{}')).toBe(ANONYMOUS_OPERATION);
  });

  it('folds names beyond the cap into "other", keeping those seen before', () => {
    const label = createOperationLabels(3);
    expect(['A', 'B', 'C'].map(label)).toEqual(['A', 'B', 'C']);
    expect(label('D')).toBe(OTHER_LABEL);
    expect(label('B')).toBe('B');
    expect(label(null)).toBe(ANONYMOUS_OPERATION);
  });

  it('bounds the distinct values whatever a client invents', () => {
    const label = createOperationLabels(200);
    const seen = new Set(Array.from({ length: 10_000 }, (_, i) => label(`Op${i}`)));
    expect(seen.size).toBe(201);
    expect(seen).toContain(OTHER_LABEL);
  });
});

describe('outcome labels', () => {
  const outcome = createOutcomeLabels();

  it('is OK without errors and the first error code otherwise', () => {
    expect(outcome(undefined)).toBe('OK');
    expect(outcome([])).toBe('OK');
    expect(
      outcome([{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'NOT_FOUND' } }]),
    ).toBe('FORBIDDEN');
  });

  it('counts an error without a code, or with one no server emits, as INTERNAL_SERVER_ERROR', () => {
    expect(outcome([{}])).toBe('INTERNAL_SERVER_ERROR');
    expect(outcome([{ extensions: { code: 42 } }])).toBe('INTERNAL_SERVER_ERROR');
    expect(outcome([{ extensions: { code: 'lower case <script>' } }])).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });

  it('caps distinct codes too', () => {
    const capped = createOutcomeLabels(1);
    expect(capped([{ extensions: { code: 'FIRST' } }])).toBe('FIRST');
    expect(capped([{ extensions: { code: 'SECOND' } }])).toBe(OTHER_LABEL);
  });
});

describe('a label folder', () => {
  it('with a cap of 0 folds everything', () => {
    expect(createLabelFolder(0)('x')).toBe(OTHER_LABEL);
  });
});
