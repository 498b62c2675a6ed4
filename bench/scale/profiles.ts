import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { formatSummary, summarise, type CpuProfile } from '../profile-top';

/** As cpu-profile-hook.js names them. */
const PROFILE = /^pid-(\d+)\.cpuprofile$/;

/** Renames each profile after the process that wrote it: `<name>.<pid>.cpuprofile`. */
export function nameProfiles(dir: string, names: Map<number, string>, stackPid: number): void {
  for (const file of readdirSync(dir)) {
    const pid = Number(PROFILE.exec(file)?.[1]);
    if (!pid) continue;
    const name = pid === stackPid ? 'stack' : (names.get(pid) ?? 'unknown');
    renameSync(join(dir, file), join(dir, `${name}.${pid}.cpuprofile`));
  }
}

/** The few functions with the most self time, per profile. */
export function printProfileTops(dir: string, top = 8): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  console.log(`\nCPU profiles in ${dir} (all: npx tsx bench/profile-top.ts <file>):`);
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    console.log(formatSummary(file, summarise(profile, top)));
  }
}
