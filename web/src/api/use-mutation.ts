import { useCallback, useState } from 'react';
import type { TypedDocumentString } from '../generated/operations';
import { request } from './graphql-client';

/** `run` resolves to the answer, or to undefined after setting `error` for the form to show. */
export function useMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
) {
  const [state, setState] = useState<{ running: boolean; error?: unknown }>({ running: false });
  const run = useCallback(
    async (variables: TVariables): Promise<TResult | undefined> => {
      setState({ running: true });
      try {
        const data = await request(document, variables);
        setState({ running: false });
        return data;
      } catch (error) {
        setState({ running: false, error });
        return undefined;
      }
    },
    [document],
  );
  return { run, ...state };
}
