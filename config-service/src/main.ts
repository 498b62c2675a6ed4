import './tracing';
import { createLogger, listen, runService } from '@tally/service-kit';
import { loadConfig, placeholderEnvironment } from './config';
import { createServer } from './server';

runService('config-service', async () => {
  const settings = await loadConfig();
  const logger = createLogger('config-service', settings.log.level);
  const { httpServer } = createServer({ settings, env: placeholderEnvironment(), logger });
  const listening = await listen(httpServer, settings.host, settings.port);
  logger.info({ url: listening.url, repo: settings.configRepo.dir }, 'config service listening');
  return { logger, running: { stop: () => listening.close() } };
});
