import { ASSETS_PATH } from './playground-assets';
import type { ExampleTab } from './example-operations';

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The GraphiQL page; every asset comes from this gateway, the API from the page's own path. */
export function playgroundPage(tabs: ExampleTab[]): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tally GraphQL playground</title>
    <link rel="stylesheet" href="${ASSETS_PATH}/graphiql.min.css" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the playground…</div>
    <script src="${ASSETS_PATH}/react.production.min.js"></script>
    <script src="${ASSETS_PATH}/react-dom.production.min.js"></script>
    <script src="${ASSETS_PATH}/graphiql.min.js"></script>
    <script id="example-tabs" type="application/json">${scriptJson(tabs)}</script>
    <script>
      const endpoint = window.location.pathname;
      const fetcher = async (params, opts) => {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(opts && opts.headers) },
          body: JSON.stringify(params),
        });
        return res.json();
      };
      const defaultTabs = JSON.parse(document.getElementById('example-tabs').textContent);
      // GraphiQL 3 opens the first default tab without its variables; hand them over on a
      // first visit (later visits restore the tabs GraphiQL saved).
      let firstVisit = true;
      try {
        firstVisit = !window.localStorage.getItem('graphiql:tabState');
      } catch {}
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultTabs,
          defaultEditorToolsVisibility: 'variables',
          ...(firstVisit ? { variables: defaultTabs[0].variables } : {}),
        }),
      );
    </script>
  </body>
</html>
`;
}
