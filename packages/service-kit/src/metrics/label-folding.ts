/** The label of requests without an operation name, or whose name could not be read. */
export const ANONYMOUS_OPERATION = 'anonymous';
/** Where names beyond the cap go, so a client inventing names cannot grow the series. */
export const OTHER_LABEL = 'other';
export const MAX_OPERATION_NAMES = 200;
export const MAX_OUTCOME_CODES = 50;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Keeps a label's distinct values bounded: the first `cap` values seen are kept as they are,
 * later new ones become `other`. Values already kept stay kept.
 */
export function createLabelFolder(cap: number) {
  const kept = new Set<string>();
  return (value: string): string => {
    if (kept.has(value)) return value;
    if (kept.size >= cap) return OTHER_LABEL;
    kept.add(value);
    return value;
  };
}

/** An operation's label: its name when it is one GraphQL allows, else `anonymous`; capped. */
export function createOperationLabels(cap = MAX_OPERATION_NAMES) {
  const fold = createLabelFolder(cap);
  return (name: string | null | undefined): string =>
    name && GRAPHQL_NAME.test(name) ? fold(name) : ANONYMOUS_OPERATION;
}

/** An outcome's label: `OK`, or the first error's `extensions.code` (one we could emit); capped. */
export function createOutcomeLabels(cap = MAX_OUTCOME_CODES) {
  const fold = createLabelFolder(cap);
  return (errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): string => {
    if (!errors || errors.length === 0) return 'OK';
    const code = errors[0]?.extensions?.code;
    return typeof code === 'string' && ERROR_CODE.test(code) ? fold(code) : 'INTERNAL_SERVER_ERROR';
  };
}
