import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureJars, jarsUpToDate } from './ensure-jars';

describe('ensureJars', () => {
  let root: string;
  const savedPath = process.env.PATH;
  const pom = () => join(root, 'infra', 'mongo', 'pom.xml');
  const stamp = (content: string) =>
    writeFileSync(
      join(root, 'infra', '.cache', 'mongo', 'pom.sha256'),
      `${createHash('sha256').update(content).digest('hex')}\n`,
    );

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tally-jars-'));
    mkdirSync(join(root, 'infra', 'mongo'), { recursive: true });
    mkdirSync(join(root, 'infra', '.cache', 'mongo', 'lib'), { recursive: true });
    writeFileSync(pom(), '<project>v1</project>');
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    rmSync(root, { recursive: true, force: true });
  });

  it('fetches nothing, not even looking for mvn, while the pom is unchanged', async () => {
    stamp('<project>v1</project>');
    process.env.PATH = '';
    const lines: string[] = [];
    await expect(ensureJars(root, 'mongo', (l) => lines.push(l))).resolves.toBe(
      join(root, 'infra', '.cache', 'mongo', 'lib'),
    );
    expect(lines).toEqual([]);
  });

  it('fetches again once the pom changed, and says what is missing', async () => {
    stamp('<project>v0</project>');
    expect(jarsUpToDate(root, 'mongo')).toBe(false);
    process.env.PATH = '';
    await expect(ensureJars(root, 'mongo', () => {})).rejects.toThrow(
      'Java 17 is required but `java` was not found on PATH — install OpenJDK 17 (Debian: apt-get install openjdk-17-jdk-headless)',
    );
  });

  it('fetches when there is no stamp yet', () => {
    expect(jarsUpToDate(root, 'mongo')).toBe(false);
  });
});
