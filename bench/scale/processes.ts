import { readdirSync, readFileSync } from 'node:fs';
import { SERVICES } from '@tally/stack';

export interface ProcessInfo {
  pid: number;
  name: string;
}

/** A process's parent pid, or null when it is gone. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "123 (node) S 45 ...": the fields after the parenthesised command name.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

export function cmdlineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** What the stack calls a process of its own, from its command line. */
export function processName(cmdline: string): string {
  const service = SERVICES.find((s) => cmdline.includes(s.entry));
  if (service) return service.name;
  if (cmdline.includes('TallyMongoServer')) return 'mongo';
  if (cmdline.includes('ConnectStandalone')) return 'connect';
  if (cmdline.includes('kafka.Kafka')) return 'kafka';
  if (cmdline.includes('StorageTool')) return 'kafka-format';
  return cmdline.split(' ')[0]?.split('/').pop() ?? 'unknown';
}

/** Every live descendant of `rootPid` (Linux /proc), named. */
export function descendants(rootPid: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: ProcessInfo[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      const cmdline = cmdlineOf(child);
      if (cmdline) found.push({ pid: child, name: processName(cmdline) });
      walk(child);
    }
  };
  walk(rootPid);
  return found;
}

export interface Rss {
  /** Resident now, MB. */
  rssMb: number;
  /** Peak resident since start (VmHWM), MB. */
  peakMb: number;
}

export function rssOf(pid: number): Rss | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

export function isRunning(pid: number, cmdline: string): boolean {
  return cmdlineOf(pid) === cmdline;
}

/** Linux clock ticks per second (USER_HZ), the unit of /proc's CPU times. */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat; here 12 and 13 (pid and comm cut off).
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has been busy (all cores, everything but idle and iowait). */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return (user + nice + system + irq + softirq + steal) / TICKS;
}
