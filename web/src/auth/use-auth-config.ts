import { useCallback, useEffect, useState } from 'react';
import { fetchAuthConfig, type AuthConfig } from './auth-api';

export function useAuthConfig() {
  const [answer, setAnswer] = useState<{ config?: AuthConfig; error?: string }>({});
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    fetchAuthConfig().then(
      (config) => current && setAnswer({ config }),
      (err: unknown) => current && setAnswer({ error: (err as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [asked]);
  const retry = useCallback(() => {
    setAnswer({});
    setAsked((n) => n + 1);
  }, []);
  return { ...answer, retry };
}
