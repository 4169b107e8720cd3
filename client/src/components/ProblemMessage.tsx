import type { ApolloError } from '@apollo/client';
import { Link } from 'react-router';

/** Top-level GraphQL and network errors, in words a person can act on; never a stack trace. */
export function describeProblem(error: ApolloError | Error): string {
  const apollo = error as Partial<ApolloError>;
  if (apollo.networkError) return 'We could not reach Common Ground. Check your connection and try again.';
  const first = apollo.graphQLErrors?.[0];
  switch (first?.extensions?.code) {
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Please sign in again.';
    case 'FORBIDDEN':
      return first.message || 'You do not have access to this.';
    case 'NOT_FOUND':
      return first.message || 'We could not find that.';
    case 'BAD_USER_INPUT':
      return first.message || 'Something in the request was not right.';
    default:
      return 'Something went wrong on our side. Please try again in a moment.';
  }
}

export function ProblemMessage({ error, onRetry }: { error: ApolloError | Error; onRetry?: () => void }) {
  const unauthenticated = (error as Partial<ApolloError>).graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return (
    <div className="notice notice--problem" role="alert">
      <p>{describeProblem(error)}</p>
      {unauthenticated ? (
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      ) : (
        onRetry && (
          <button type="button" className="button button--secondary button--small" onClick={() => onRetry()}>
            Try again
          </button>
        )
      )}
    </div>
  );
}
