import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createLogger, listen, runService } from '@tally/service-kit';
import { createConsoleApp } from './console-app';
import { loadConsoleSettings } from './config';
import { createOpsBackend } from './ops/ops-backend';

runService('web', async () => {
  const settings = loadConsoleSettings();
  const logger = createLogger('web', settings.logLevel);
  if (!existsSync(join(settings.staticDir, 'index.html')))
    throw new Error(`no built console in ${settings.staticDir}; run npm run build`);
  const ops = createOpsBackend(settings.ops, logger);
  if (settings.ops.missing.length > 0)
    logger.warn({ missing: settings.ops.missing }, 'the Operations page is not fully configured');
  const app = createConsoleApp({ ...settings, logger, ops });
  const listening = await listen(createServer(app), settings.host, settings.port);
  ops.start();
  logger.info(
    {
      url: listening.url,
      gateway: settings.gatewayUrl,
      profile: settings.profile,
      auth: settings.auth,
    },
    'web console listening',
  );
  return {
    logger,
    running: {
      async stop() {
        await listening.close(5000);
        await ops.stop();
      },
    },
  };
});
