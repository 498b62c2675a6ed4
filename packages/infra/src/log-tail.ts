import { readFileSync } from 'node:fs';

/** The last `count` lines of a text file, or '' when it cannot be read. */
export function tailLines(file: string, count = 20): string {
  try {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    return lines.slice(-count).join('\n');
  } catch {
    return '';
  }
}
