export type Environment = Readonly<Record<string, string | undefined>>;

export interface Unresolved {
  variable: string;
  /** Where in the configuration the placeholder sits, e.g. `registry.token`. */
  path: string;
}

export type Resolution = { ok: true; value: unknown } | { ok: false; unresolved: Unresolved[] };

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g;

/**
 * Replaces `${NAME}` and `${NAME:default}` in every string value. An empty variable counts
 * as unset (as in the service kit's environment mapping), so its default applies.
 */
export function resolvePlaceholders(value: unknown, env: Environment): Resolution {
  const unresolved: Unresolved[] = [];
  const walk = (node: unknown, path: string[]): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
        const fromEnv = env[name];
        if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
        if (fallback !== undefined) return fallback;
        unresolved.push({ variable: name, path: path.join('.') });
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, String(i)]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  const resolved = walk(value, []);
  return unresolved.length ? { ok: false, unresolved } : { ok: true, value: resolved };
}
