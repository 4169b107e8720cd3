import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type express from 'express';
import type { Context } from '../context';
import type { Logger } from './logger';
import { describeError } from './logger';

/** Codes for a request the caller got wrong or may not make; never the server's fault. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * A request refused before it ran (too deep, too expensive, variables that do not fit) is the
 * caller's mistake: 400, whichever plugin or rule refused it. Apollo answers 500 for an error
 * thrown from a plugin unless told otherwise; this tells it, for every such refusal at once.
 */
export const refusalStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined || !errors?.length) return;
        if (errors.every((error) => CLIENT_CODES.has(String(error.extensions?.code)))) response.http.status = 400;
      },
    };
  },
};

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * The schema is not published to strangers: callers who are not signed in (everyone, in
 * production) cannot introspect it, and error messages lose graphql-js's "Did you mean …?"
 * suggestions, which would spell out field, type and enum names. The web client and codegen use
 * the committed schema/schema.graphql. `__typename` stays: clients need it.
 */
export function schemaPrivacy(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const hidden = production || !contextValue.viewer;
      if (!hidden) return;
      return {
        async didResolveOperation({ document }) {
          if (asksForSchema(document)) {
            throw new GraphQLError('Introspection is not available. The schema is published with the source code.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { message: string }).message = error.message.replace(SUGGESTION, '');
          }
        },
      };
    },
  };
}

const TOP_LEVEL: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function describeHttpFailure(error: { status?: number; statusCode?: number; type?: string }): { status: number; code: string; message: string } {
  const status = Number(error.status ?? error.statusCode ?? 500);
  if (error.type === 'entity.parse.failed') return { status: 400, code: 'BAD_USER_INPUT', message: 'The request body is not valid JSON.' };
  if (error.type === 'entity.too.large') return { status: 413, code: 'BAD_USER_INPUT', message: 'The request body is too large.' };
  if (status >= 400 && status < 500) return { status, code: TOP_LEVEL[status] ?? 'BAD_USER_INPUT', message: 'The request could not be read.' };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. It has been logged.' };
}

/**
 * The last error handler of every route: JSON with a code and never a stack, whatever NODE_ENV
 * says (Express's own handler prints the stack and the server's file paths outside production).
 * /graphql answers in GraphQL's error shape so GraphQL clients can read it.
 */
export function jsonErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      // A download that failed half-way: end it; the client sees a truncated file, not a stack.
      res.destroy();
      return;
    }
    const { status, code, message } = describeHttpFailure(error);
    if (status === 500) log.error('unexpected HTTP error', { ...describeError(error), path: req.path });
    res.status(status);
    res.setHeader('Cache-Control', 'no-store');
    if (req.baseUrl === '/graphql' || req.path.startsWith('/graphql')) res.json({ errors: [{ message, extensions: { code } }] });
    else res.json({ error: { code, message } });
  };
}

/** Anything no route answered (a POST to an unknown path, say): JSON 404, not Express's HTML page. */
export const jsonNotFound: express.RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: 'There is nothing here.' } });
};
