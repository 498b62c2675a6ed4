import type { MouseEvent } from 'react';
import { useSession } from './use-session';

/**
 * Opens the playground (the gateway's, through this origin) in a new tab with the console's
 * token in the URL fragment: a fragment never reaches a server or its logs, and the page
 * takes it out of the address bar as soon as it has read it.
 */
export function PlaygroundLink() {
  const session = useSession();
  const open = (event: MouseEvent) => {
    event.preventDefault();
    const fragment = new URLSearchParams({ token: session.tokens.token }).toString();
    window.open(`/graphql#${fragment}`, '_blank', 'noopener');
  };
  return (
    <a href="/graphql" target="_blank" rel="noopener" onClick={open}>
      Playground
    </a>
  );
}
