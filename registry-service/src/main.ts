import './tracing';
import { connectMongo, createLogger, listen, runService } from '@tally/service-kit';
import { loadConfig } from './config';
import { createServer } from './server';

runService('registry-service', async () => {
  const settings = await loadConfig();
  const logger = createLogger('registry-service', settings.log.level);
  const db = await connectMongo(
    settings.mongo.url,
    settings.mongo.database,
    logger,
    settings.mongo,
  );
  const server = await createServer({ settings, db, logger });
  const listening = await listen(server.httpServer, settings.host, settings.port);
  logger.info(
    { url: listening.url, leaseSeconds: settings.registry.leaseSeconds },
    'registry listening',
  );
  const stop = async () => {
    server.stop();
    await listening.close();
    await db.close();
  };
  return { logger, running: { stop } };
});
