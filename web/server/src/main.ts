import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createLogger, listen, runService } from '@tally/service-kit';
import { createConsoleApp } from './console-app';
import { loadConsoleSettings } from './config';

runService('web', async () => {
  const settings = loadConsoleSettings();
  const logger = createLogger('web', settings.logLevel);
  if (!existsSync(join(settings.staticDir, 'index.html')))
    throw new Error(`no built console in ${settings.staticDir}; run npm run build`);
  const app = createConsoleApp({ ...settings, logger });
  const listening = await listen(createServer(app), settings.host, settings.port);
  logger.info(
    {
      url: listening.url,
      gateway: settings.gatewayUrl,
      profile: settings.profile,
      auth: settings.auth,
    },
    'web console listening',
  );
  return { logger, running: { stop: () => listening.close(5000) } };
});
