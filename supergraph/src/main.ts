import './tracing';
import { createLogger, listen, runService } from '@tally/service-kit';
import { loadConfig } from './config';
import { createServer } from './server';

runService('gateway', async () => {
  const settings = await loadConfig();
  const logger = createLogger('gateway', settings.log.level);
  const gateway = createServer({ settings, logger });
  const listening = await listen(gateway.httpServer, settings.host, settings.port);
  logger.info({ url: `${listening.url}/graphql` }, 'gateway listening; loading the supergraph');
  await gateway.start();
  logger.info({ url: `${listening.url}/graphql` }, 'gateway ready');
  return { logger, running: { stop: gateway.stop } };
});
