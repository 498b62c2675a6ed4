import { createLogger, listen, runService } from '@tally/service-kit';
import { issuerConfig, loadIssuerSettings, refuseProduction } from './config';
import { createIssuerServer } from './issuer-server';

runService('dev-issuer', async () => {
  refuseProduction('the development token issuer');
  const settings = await loadIssuerSettings();
  const logger = createLogger('dev-issuer', settings.log.level);
  const config = issuerConfig(settings);
  let url = config.url;
  const { httpServer, signingKey } = createIssuerServer({
    ...config,
    issuerUrl: () => url!,
    logger,
  });
  // Made (or found broken) now, not at the first request.
  await signingKey();
  const listening = await listen(httpServer, settings.host, settings.port);
  url ??= listening.url;
  logger.info(
    { url: listening.url, issuer: url, audience: config.audience, keyDir: config.keyDir },
    'token issuer listening',
  );
  return { logger, running: { stop: () => listening.close() } };
});
