import { backupSettings } from './config';
import { isClean } from './diff';
import { OptionsError, USAGE, parseOptions } from './options';
import { formatReport } from './report';
import { openStores } from './stores';
import { verifyBackup } from './verify';

/** Exit codes: 0 the backup matches, 1 it differs, 2 the check could not run. */
async function main(): Promise<number> {
  const opts = parseOptions('verify', process.argv.slice(2));
  if (opts.help) return (void console.log(USAGE.verify), 0);
  const settings = backupSettings();
  const stores = await openStores(settings);
  try {
    const diff = await verifyBackup(stores, { ...opts, timeZone: settings.timeZone });
    console.log(
      formatReport(diff, {
        mongoUrl: settings.mongoUrl,
        ...stores.names,
        period: opts.period && `${opts.period} (${settings.timeZone})`,
      }),
    );
    return isClean(diff) ? 0 : 1;
  } finally {
    await stores.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`backup:verify: ${err instanceof OptionsError ? err.message : String(err)}`);
    process.exit(2);
  },
);
