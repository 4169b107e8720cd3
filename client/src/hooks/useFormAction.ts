import { ApolloError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { useCallback, useState } from 'react';
import type { UserErrorLike } from '../components/forms';
import { graphql } from '../gql';

/** What every mutation asks of its payload's userErrors (`userErrors { ...UserErrorFields }`). */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

interface MutationResultLike<D> {
  data?: D | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * Runs one mutation for a form or an action button and keeps what went wrong: the payload's
 * userErrors (the person can fix them) or a problem (network, access, server).
 */
export function useFormAction() {
  const [busy, setBusy] = useState(false);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [problem, setProblem] = useState<Error | null>(null);

  const run = useCallback(
    async <D, P extends { userErrors: readonly UserErrorLike[] }>(
      mutate: () => Promise<MutationResultLike<D>>,
      pick: (data: D) => P | null | undefined,
    ): Promise<P | null> => {
      setBusy(true);
      setUserErrors([]);
      setProblem(null);
      try {
        const result = await mutate();
        if (result.errors?.length) {
          setProblem(new ApolloError({ graphQLErrors: result.errors }));
          return null;
        }
        const payload = result.data ? pick(result.data) : null;
        if (!payload) {
          setProblem(new Error('The server sent no answer.'));
          return null;
        }
        if (payload.userErrors.length > 0) {
          setUserErrors(payload.userErrors);
          return null;
        }
        return payload;
      } catch (error) {
        setProblem(error instanceof Error ? error : new Error(String(error)));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const reset = useCallback(() => {
    setUserErrors([]);
    setProblem(null);
  }, []);

  /** For checks made in the browser before sending anything. */
  const fail = useCallback((errors: readonly UserErrorLike[]) => setUserErrors(errors), []);

  return { run, busy, userErrors, problem, reset, fail };
}
