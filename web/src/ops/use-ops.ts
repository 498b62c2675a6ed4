import { useCallback, useEffect, useState } from 'react';
import { opsRequest } from './ops-api';

/** How often the Operations page asks again (the server samples its charts every 5 s). */
export const OPS_POLL_MS = 5000;

/**
 * GETs /ops/<path> now and every few seconds while mounted; the last answer stays shown
 * (with the error beside it) while a source is down. `refresh` asks at once.
 */
export function useOps<T>(path: string, pollMs = OPS_POLL_MS) {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    opsRequest<T>(path).then(
      (data) => current && setState({ data }),
      (error: unknown) => current && setState((last) => ({ data: last.data, error })),
    );
    return () => {
      current = false;
    };
  }, [path, asked]);

  useEffect(() => {
    const timer = setInterval(refresh, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, refresh]);

  return { ...state, refresh };
}
