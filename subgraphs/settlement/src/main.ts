import './tracing';
import { bootSubgraph, runService } from '@tally/service-kit';
import { loadConfig } from './config';
import { createServer, schema, subgraphName } from './server';

runService(`${subgraphName}-subgraph`, async () =>
  bootSubgraph({
    name: subgraphName,
    sdl: schema.sdl,
    settings: await loadConfig(),
    build: createServer,
  }),
);
