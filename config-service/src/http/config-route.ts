import { Router } from 'express';
import { redactSecrets, type Logger } from '@tally/service-kit';
import { isConfigName } from '../domain/names';
import type { Environment } from '../domain/placeholders';
import { resolveConfig } from '../repo/resolve-config';
import { configAuth } from './config-auth';
import { errorBody } from './errors';

interface Options {
  dir: string;
  env: Environment;
  /** Service -> its config token. */
  tokens: Readonly<Record<string, string>>;
  logger: Logger;
}

export function configRoute({ dir, env, tokens, logger }: Options): Router {
  const router = Router();
  const auth = configAuth({ tokens, logger });
  router.get('/v1/config/:service/:profile', auth, async (req, res) => {
    const [service, profile] = [String(req.params.service), String(req.params.profile)];
    if (!isConfigName(service) || !isConfigName(profile)) {
      return void res
        .status(400)
        .json(errorBody('INVALID_NAME', 'service and profile names match ^[a-z][a-z0-9-]{0,62}$'));
    }
    const result = await resolveConfig({ dir, service, profile, env });
    if (result.kind === 'unknown-service') {
      return void res
        .status(404)
        .json(errorBody('UNKNOWN_SERVICE', `no configuration for service '${service}'`));
    }
    if (result.kind === 'unresolved') {
      const names = result.unresolved.map((u) => `\${${u.variable}} at ${u.path}`).join(', ');
      logger.error(
        { target: service, profile, unresolved: result.unresolved },
        'unresolved placeholders',
      );
      return void res
        .status(500)
        .json(
          errorBody(
            'UNRESOLVED_PLACEHOLDER',
            `${service}/${profile}: no value and no default for ${names} in the config service's environment`,
          ),
        );
    }
    // Only ever log the redacted form: the answer carries tokens and passwords.
    logger.info({ target: service, profile, files: result.files }, 'config served');
    logger.debug(
      { target: service, profile, config: redactSecrets(result.config) },
      'config contents',
    );
    res.json(result.config);
  });
  return router;
}
