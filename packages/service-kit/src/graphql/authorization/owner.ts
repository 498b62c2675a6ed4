/** Where `self` finds the id of the user some data belongs to. */
export interface OwnerLocator {
  from: 'argument' | 'parent' | 'result';
  /** Field names from there to the user id, e.g. ["input", "userId"]. */
  path: readonly string[];
}

const SOURCES = ['argument', 'parent', 'result'] as const;

/** The locator an @ownedBy gives, or a description of what is wrong with it. */
export function parseOwnedBy(args: Record<string, unknown>): OwnerLocator | string {
  const given = SOURCES.filter((source) => args[source] !== undefined && args[source] !== null);
  if (given.length !== 1) {
    return `@ownedBy takes exactly one of ${SOURCES.join(', ')}; got ${given.join(', ') || 'none'}`;
  }
  const from = given[0]!;
  const path = String(args[from]).split('.');
  if (path.some((name) => !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name))) {
    return `@ownedBy(${from}: "${String(args[from])}") is not a path of field names`;
  }
  return { from, path };
}

/** The owner's user id, or undefined when the path leads to nothing usable. */
export function locateOwner(
  locator: OwnerLocator,
  sources: { argument?: unknown; parent?: unknown; result?: unknown },
): string | undefined {
  let value = sources[locator.from];
  for (const name of locator.path) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[name]
        : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
