import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

/** The metric names a PromQL expression reads (a histogram's _bucket/_sum/_count folded). */
export function metricsInExpression(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // label values
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' '); // grouping labels
  const names = [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\(|[a-zA-Z0-9_:])/g)]
    .map((m) => m[0])
    .filter((word) => !KEYWORDS.has(word) && !/^(inf|nan)$/i.test(word));
  return [...new Set(names.map((n) => n.replace(/_(bucket|sum|count)$/, '')))];
}

interface Panel {
  title?: string;
  targets?: Array<{ expr?: string }>;
  panels?: Panel[];
}

/** Every panel of a Grafana dashboard with its PromQL expressions (rows' panels included). */
export function dashboardQueries(file = join(ROOT, 'infra/grafana/dashboards/tally.json')) {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as { panels: Panel[] };
  const flat = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...flat(p.panels ?? [])]);
  return flat(dashboard.panels)
    .filter((p) => p.targets !== undefined)
    .map((p) => ({ title: p.title ?? '', exprs: p.targets!.map((t) => t.expr ?? '') }));
}

/** Every metric the dashboard charts. */
export function dashboardMetrics(file?: string): string[] {
  return [
    ...new Set(dashboardQueries(file).flatMap((p) => p.exprs.flatMap(metricsInExpression))),
  ].sort();
}
