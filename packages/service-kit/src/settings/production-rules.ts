import { isSecretKey } from './redact';

/** Every development secret and token starts with this; production refuses all of them. */
export const DEV_SECRET_PREFIX = 'tally-dev-';

export interface SettingProblem {
  /** Dotted setting path, e.g. `registry.token`. */
  path: string;
  message: string;
}

export interface ProductionProblem extends SettingProblem {
  kind: 'development-value' | 'empty-secret';
}

/**
 * What the production profile refuses anywhere in a settings tree: a development value
 * (`tally-dev-…`), and an empty string under a secret-looking key (a secret never set).
 */
export function productionProblems(settings: unknown): ProductionProblem[] {
  const problems: ProductionProblem[] = [];
  const walk = (node: unknown, path: string[], underSecret: boolean): void => {
    if (typeof node === 'string') {
      if (node.startsWith(DEV_SECRET_PREFIX)) {
        problems.push({
          kind: 'development-value',
          path: path.join('.'),
          message: `a development value (${DEV_SECRET_PREFIX}…) is refused in production`,
        });
      } else if (underSecret && node.trim() === '') {
        problems.push({
          kind: 'empty-secret',
          path: path.join('.'),
          message: 'a required secret is empty',
        });
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, String(i)], underSecret));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node))
        walk(value, [...path, key], underSecret || isSecretKey(key));
    }
  };
  walk(settings, [], false);
  return problems;
}
