import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The full path of an executable on PATH, or null; cheaper than spawning it to find out. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const INSTALL_HINTS = {
  jar: "The JDK's `jar` tool is required but was not found on PATH — install a full JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)",
  java: 'Java 17 is required but `java` was not found on PATH — install OpenJDK 17 (Debian: apt-get install openjdk-17-jdk-headless)',
  mvn: 'Maven is required to fetch the Kafka, Kafka Connect and MongoDB jars (first run only) but `mvn` was not found on PATH — install Maven (Debian: apt-get install maven)',
} as const;

/** Throws one clear line naming the package to install when `command` is missing. */
export function requireCommand(command: keyof typeof INSTALL_HINTS): string {
  const found = findOnPath(command);
  if (!found) throw new Error(INSTALL_HINTS[command]);
  return found;
}
