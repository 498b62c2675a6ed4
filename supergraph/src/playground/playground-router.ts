import { Router, type Request } from 'express';
import { exampleTabs } from './example-operations';
import { ASSETS_PATH, PLAYGROUND_ASSETS } from './playground-assets';
import { playgroundPage } from './playground-page';

/** A browser navigating to /graphql (not a client sending a query). */
function wantsPage(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query;
}

/**
 * GET /graphql from a browser answers the GraphiQL page; everything else on /graphql falls
 * through to Apollo Server (mount this router before it). Assets under /playground/assets.
 */
export function playgroundRouter(graphqlPath = '/graphql'): Router {
  const router = Router();
  router.get(graphqlPath, (req, res, next) => {
    if (!wantsPage(req)) return next();
    res.type('html').set('cache-control', 'no-store').send(playgroundPage(exampleTabs()));
  });
  router.get(`${ASSETS_PATH}/:name`, (req, res, next) => {
    const file = PLAYGROUND_ASSETS.get(req.params.name);
    if (!file) return next();
    res.sendFile(file);
  });
  return router;
}
