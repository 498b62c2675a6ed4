import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const COLORS = [36, 35, 33, 32, 34, 31, 96, 95];
const OMIT = new Set(['level', 'time', 'pid', 'hostname', 'service', 'name', 'msg']);

/** One line per event: `name | 12:00:01 INFO message key=value`; non-JSON lines pass as they are. */
export function formatLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
    const level = LEVELS[entry.level as number] ?? String(entry.level);
    const extra = Object.entries(entry)
      .filter(([k]) => !OMIT.has(k))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${time} ${level.padEnd(5)} ${typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg ?? '')}${extra ? ` ${extra}` : ''}`;
  } catch {
    return line;
  }
}

export function createPrefixer(width: number) {
  let next = 0;
  return (name: string, stream: Readable, out: NodeJS.WritableStream = process.stdout): void => {
    const color = COLORS[next++ % COLORS.length]!;
    const tag = process.stdout.isTTY
      ? `\x1b[${color}m${name.padEnd(width)}\x1b[0m`
      : name.padEnd(width);
    createInterface({ input: stream }).on('line', (line) =>
      out.write(`${tag} | ${formatLine(line)}\n`),
    );
  };
}
