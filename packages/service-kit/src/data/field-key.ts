const ESCAPES: Record<string, string> = { '%': '%25', '.': '%2E', $: '%24', '\0': '%00' };
const UNESCAPES: Record<string, string> = { '%25': '%', '%2E': '.', '%24': '$', '%00': '\0' };

/**
 * An id made safe as a field name (`items.<id>`): no "." (a path), "$" (an operator) or NUL;
 * "%" escapes, so decoding is exact.
 */
export function escapeKey(id: string): string {
  return id.replace(/[%.$\0]/g, (c) => ESCAPES[c] ?? c);
}

export function unescapeKey(key: string): string {
  return key.replace(/%(?:25|2E|24|00)/g, (e) => UNESCAPES[e] ?? e);
}
