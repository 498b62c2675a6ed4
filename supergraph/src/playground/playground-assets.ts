import { dirname, join } from 'node:path';

/** Where an npm package lives (react's `exports` hide its umd/ folder from require.resolve). */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * Everything the playground page loads, served by the gateway itself so it works offline:
 * GraphiQL's browser bundle expects React and ReactDOM as globals (their UMD builds).
 */
export const PLAYGROUND_ASSETS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'react.production.min.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': join(
      packageDir('react-dom'),
      'umd',
      'react-dom.production.min.js',
    ),
    'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
    'graphiql.min.js.map': join(packageDir('graphiql'), 'graphiql.min.js.map'),
    'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  }),
);

export const ASSETS_PATH = '/playground/assets';
