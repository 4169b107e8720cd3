import { ErrorSummary, type UserErrorLike } from './forms';
import { ProblemMessage } from './ProblemMessage';

/**
 * What stopped a form: its userErrors, and a hint to reload when someone else acted first
 * (CONFLICT: the page showed an older version), or a problem with the request itself.
 */
export function FormProblems({ userErrors, problem, onReload }: { userErrors: readonly UserErrorLike[]; problem: Error | null; onReload?: () => void }) {
  const conflict = userErrors.some((error) => error.code === 'CONFLICT');
  return (
    <>
      {conflict ? (
        <div className="error-summary" role="alert">
          <p>{userErrors.find((error) => error.code === 'CONFLICT')?.message ?? 'Someone else has acted on this since you opened the page.'}</p>
          {onReload && (
            <button type="button" className="button button--secondary button--small error-summary__action" onClick={onReload}>
              Reload
            </button>
          )}
        </div>
      ) : (
        <ErrorSummary errors={userErrors} />
      )}
      {problem && <ProblemMessage error={problem} />}
    </>
  );
}
