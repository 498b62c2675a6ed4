import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const HELP = `Usage: npx tsx bench/profile-top.ts [--top N] [--by function|file|package] <file.cpuprofile>...

Summarises V8 CPU profiles (node --cpu-prof; \`BENCH_PROFILE=1 npm run bench:scale\` writes one
per service into bench/results/profiles/<run>/): the functions (or files, or packages) with the
most self time, with their share of the busy (non-idle) time. Default: --top 15 --by function.`;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export type GroupBy = 'function' | 'file' | 'package';

export interface TopEntry {
  name: string;
  selfMs: number;
  /** Share of busy time (everything but idle), %. */
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  busyMs: number;
  gcMs: number;
  top: TopEntry[];
}

/** A workspace of Tally's (in any checkout): its folder, then dist/ or src/. */
const WORKSPACE =
  /\/((?:packages|subgraphs)\/[^/]+|supergraph|registry-service|config-service|web)\/(?:dist|src)\//;
const NODE_MODULES = '/node_modules/';

/** A script's place, short: below node_modules, or from the workspace folder on. */
function where(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf(NODE_MODULES);
  if (nm >= 0) return path.slice(nm + NODE_MODULES.length);
  const ws = WORKSPACE.exec(path);
  return ws ? path.slice(ws.index + 1) : path;
}

function packageOf(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf(NODE_MODULES);
  if (nm >= 0) {
    const [scope = '', name = ''] = path.slice(nm + NODE_MODULES.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  return WORKSPACE.exec(path)?.[1] ?? path;
}

function keyOf(frame: CallFrame, by: GroupBy): string {
  const { functionName, url, lineNumber } = frame;
  if (!url && functionName.startsWith('(')) return functionName; // (program), (garbage collector)
  if (by === 'package') return packageOf(url);
  if (by === 'file') return url ? where(url) : '(native)';
  return `${functionName || '(anonymous)'} ${url ? `${where(url)}:${lineNumber + 1}` : '(native)'}`;
}

/** Self time per node id, µs: each sample lasts until the next one. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  if (samples && timeDeltas && samples.length === timeDeltas.length) {
    for (let i = 0; i < samples.length; i++) {
      const lasted = timeDeltas[i + 1] ?? 0;
      self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + Math.max(0, lasted));
    }
    return self;
  }
  const hits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const each = hits ? (profile.endTime - profile.startTime) / hits : 0;
  for (const n of profile.nodes) self.set(n.id, (n.hitCount ?? 0) * each);
  return self;
}

export function summarise(profile: CpuProfile, top = 15, by: GroupBy = 'function'): ProfileSummary {
  const self = selfTimes(profile);
  const grouped = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    if (node.callFrame.functionName === '(idle)') idle += us;
    else {
      if (node.callFrame.functionName === '(garbage collector)') gc += us;
      const key = keyOf(node.callFrame, by);
      grouped.set(key, (grouped.get(key) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(total),
    idleMs: ms(idle),
    busyMs: ms(busy),
    gcMs: ms(gc),
    top: [...grouped]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        selfMs: ms(us),
        percent: busy > 0 ? Math.round((us / busy) * 1000) / 10 : 0,
      })),
  };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const lines = [
    `${title}: ${(s.totalMs / 1000).toFixed(1)} s profiled, busy ${(s.busyMs / 1000).toFixed(1)} s, GC ${(s.gcMs / 1000).toFixed(1)} s`,
    ...s.top.map(
      (e) =>
        `  ${e.percent.toFixed(1).padStart(5)}%  ${String(Math.round(e.selfMs)).padStart(7)} ms  ${e.name}`,
    ),
  ];
  return lines.join('\n');
}

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.length === 0) {
    console.log(HELP);
    return argv.length === 0 ? 1 : 0;
  }
  let top = 15;
  let by: GroupBy = 'function';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--top') top = Number(argv[++i]);
    else if (arg === '--by') by = argv[++i] as GroupBy;
    else files.push(arg);
  }
  if (!Number.isInteger(top) || top <= 0 || !['function', 'file', 'package'].includes(by)) {
    console.error(HELP);
    return 1;
  }
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(formatSummary(basename(file), summarise(profile, top, by)));
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
