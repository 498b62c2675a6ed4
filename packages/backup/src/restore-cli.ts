import { backupSettings } from './config';
import { OptionsError, USAGE, parseOptions } from './options';
import { progressBar } from '@tally/cli-kit';
import { restoreBackup } from './restore';
import { openStores } from './stores';

async function main(): Promise<void> {
  const opts = parseOptions('restore', process.argv.slice(2));
  if (opts.help) return void console.log(USAGE.restore);
  const settings = backupSettings();
  const stores = await openStores(settings);
  try {
    const scope = opts.period ? ` of ${opts.period} (${settings.timeZone})` : '';
    console.log(
      `restoring ${stores.names.store} from ${stores.names.backup}${scope} at ${settings.mongoUrl}`,
    );
    let bar: ReturnType<typeof progressBar> | undefined;
    const started = Date.now();
    const result = await restoreBackup(stores, {
      period: opts.period,
      timeZone: settings.timeZone,
      progress(done, total) {
        if (total === 0) return;
        bar ??= progressBar('restoring', total);
        bar.update(done);
      },
    });
    bar?.finish();
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result.missing === 0)
      console.log(`nothing to restore: the usage store has every record of the backup${scope}`);
    else
      console.log(
        `restored ${result.restored} records into ${stores.names.store} in ${secs} s` +
          (result.alreadyThere
            ? ` (${result.alreadyThere} were written meanwhile and left as they are)`
            : ''),
      );
  } finally {
    await stores.close();
  }
}

main().catch((err: unknown) => {
  console.error(`backup:restore: ${err instanceof OptionsError ? err.message : String(err)}`);
  process.exit(1);
});
