import { ASSETS_PATH } from './playground-assets';
import type { ExampleTab } from './example-operations';

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The token the playground sends, from (first found): the URL fragment the console opens it
 * with (a fragment never reaches a server or its logs, and is taken out of the address bar
 * at once), what was pasted in this tab before, or the console's own session when the page is
 * opened through the console's origin in the same tab. Kept in sessionStorage, never
 * localStorage, like the console's.
 */
const TOKEN_SCRIPT = `
      const TOKEN_KEY = 'tally.playground.token';
      const CONSOLE_SESSION_KEY = 'tally.console.session';
      const tokenInput = document.getElementById('token');
      const tokenNote = document.getElementById('token-note');
      const remembered = (key) => {
        try {
          return window.sessionStorage.getItem(key);
        } catch {
          return null;
        }
      };
      const remember = (token) => {
        try {
          if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
          else window.sessionStorage.removeItem(TOKEN_KEY);
        } catch {}
      };
      const handedOver = () => {
        const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
        if (token)
          window.history.replaceState(null, '', window.location.pathname + window.location.search);
        return token;
      };
      const consoleToken = () => {
        try {
          return JSON.parse(remembered(CONSOLE_SESSION_KEY) || 'null').token || null;
        } catch {
          return null;
        }
      };
      const currentToken = () => tokenInput.value.trim().replace(/^Bearer\\s+/i, '');
      const describeToken = (source) => {
        tokenNote.textContent = currentToken()
          ? source
          : 'No token: only the public plan catalogue answers.';
      };
      const fromConsole = handedOver();
      if (fromConsole) remember(fromConsole);
      const pasted = fromConsole ? null : remembered(TOKEN_KEY);
      tokenInput.value = fromConsole || pasted || consoleToken() || '';
      describeToken(pasted ? 'The token you pasted in this tab.' : "The console's token.");
      tokenInput.addEventListener('input', () => {
        remember(currentToken());
        describeToken('The token you pasted.');
      });
      document.getElementById('forget-token').addEventListener('click', () => {
        tokenInput.value = '';
        remember('');
        describeToken('');
      });`;

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
      html, body { height: 100%; margin: 0; }
      body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
      #graphiql { flex: 1; min-height: 0; }
      #token-bar { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.75rem;
        border-bottom: 1px solid #e3e6ec; font-size: 14px; }
      #token-bar input { flex: 1; max-width: 40rem; font: inherit; padding: 0.25rem 0.4rem; }
      #token-note { color: #667085; }
    </style>
  </head>
  <body>
    <form id="token-bar" aria-label="Token" onsubmit="return false">
      <label for="token">Bearer token</label>
      <input id="token" type="password" autocomplete="off" spellcheck="false"
        placeholder="Paste a token, or open the playground from the console" />
      <button type="button" id="forget-token">Forget</button>
      <span id="token-note" role="status"></span>
    </form>
    <div id="graphiql">Loading the playground…</div>
    <script src="${ASSETS_PATH}/react.production.min.js"></script>
    <script src="${ASSETS_PATH}/react-dom.production.min.js"></script>
    <script src="${ASSETS_PATH}/graphiql.min.js"></script>
    <script id="example-tabs" type="application/json">${scriptJson(tabs)}</script>
    <script>
${TOKEN_SCRIPT}
      const endpoint = window.location.pathname;
      const fetcher = async (params, opts) => {
        const headers = new Headers({ 'content-type': 'application/json' });
        const token = currentToken();
        if (token) headers.set('authorization', 'Bearer ' + token);
        // The header editor wins: an Authorization typed there replaces the token field's.
        for (const [name, value] of Object.entries((opts && opts.headers) || {}))
          headers.set(name, String(value));
        const res = await fetch(endpoint, {
          method: 'POST',
          headers,
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
