import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { useFormAction } from '../hooks/useFormAction';
import { formatDateTime } from '../labels';
import { FormProblems } from './FormProblems';
import { fieldError, TextAreaField } from './forms';

const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      comment {
        id
        authorName
        body
        createdAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface CommentItem {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** The conversation on a barrier or a change, and a box to add to it. */
export function Comments({ subjectId, comments, canComment, refetchQuery }: { subjectId: string; comments: readonly CommentItem[]; canComment: boolean; refetchQuery: string }) {
  const [body, setBody] = useState('');
  const [addComment] = useMutation(AddCommentMutation, { refetchQueries: [refetchQuery], awaitRefetchQueries: true });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      action.fail([{ field: ['input', 'body'], message: 'Write a comment first.' }]);
      return;
    }
    const done = await action.run(() => addComment({ variables: { input: { subjectId, body: body.trim() } } }), (data) => data.addComment);
    if (done) setBody('');
  }

  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments <span className="count">{comments.length}</span>
      </h2>
      {comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className="comments">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                <strong>{comment.authorName}</strong> · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
              </p>
              <p className="comment__body">{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <form onSubmit={handleSubmit} noValidate className="comment-form">
          <TextAreaField label="Add a comment" rows={3} required value={body} onChange={(event) => setBody(event.target.value)} error={fieldError(action.userErrors, 'body')} />
          <FormProblems userErrors={action.userErrors} problem={action.problem} />
          <button type="submit" className="button button--secondary" disabled={action.busy}>
            {action.busy ? 'Posting…' : 'Post comment'}
          </button>
        </form>
      )}
    </section>
  );
}
