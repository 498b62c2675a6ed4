import { isClean, type BackupDiff } from './diff';

export interface ReportScope {
  mongoUrl: string;
  store: string;
  backup: string;
  /** `2026-10 (Asia/Seoul)`, or null for every record. */
  period: string | null;
}

/** What `backup:verify` prints: the counts, then the first ids of each kind of difference. */
export function formatReport(diff: BackupDiff, scope: ReportScope): string {
  const more = (shown: number, count: number) => (count > shown ? `, … ${count - shown} more` : '');
  const width = Math.max(scope.store.length, scope.backup.length);
  const lines = [
    `backup check at ${scope.mongoUrl}, ${scope.period ? `period ${scope.period}` : 'all records'}:`,
    `  usage store  ${scope.store.padEnd(width)}  ${diff.storeCount} records`,
    `  backup       ${scope.backup.padEnd(width)}  ${diff.backupCount} records`,
    `  missing from the backup: ${diff.missing.count}`,
  ];
  if (diff.missing.count > 0)
    lines.push(
      `    ${diff.missing.first.join(', ')}${more(diff.missing.first.length, diff.missing.count)}`,
    );
  lines.push(`  only in the backup (restorable): ${diff.extra.count}`);
  if (diff.extra.count > 0)
    lines.push(
      `    ${diff.extra.first.join(', ')}${more(diff.extra.first.length, diff.extra.count)}`,
    );
  lines.push(`  differing: ${diff.differing.count}`);
  for (const d of diff.differing.first) lines.push(`    ${d.id}: ${d.fields.join('; ')}`);
  if (diff.differing.count > diff.differing.first.length)
    lines.push(`    … ${diff.differing.count - diff.differing.first.length} more`);
  lines.push(
    isClean(diff)
      ? 'OK: the backup holds exactly the usage store’s records.'
      : `DIFFERENT: ${diff.missing.count} missing, ${diff.extra.count} only in the backup, ${diff.differing.count} differing.`,
  );
  return lines.join('\n');
}
