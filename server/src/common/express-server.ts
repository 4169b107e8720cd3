import http from 'node:http';
import type { Express } from 'express';

type Initialise = (this: object, ...args: unknown[]) => void;

/**
 * An HTTP server for `app` whose requests and responses are built with the app's own Express
 * prototypes (app.request, app.response) from the start.
 *
 * Express otherwise gives every request and response those prototypes as it takes them, with
 * Object.setPrototypeOf (application.js, `handle`). Changing a live object's prototype costs far
 * more in V8 than the call: everything the request goes on to allocate then tends to outlive
 * young-generation collections. On a bare Express app answering small JSON requests one at a time,
 * 30% of what was allocated survived them (under 1% with plain node:http) and each pause took
 * 14 ms instead of under 1; in this server, pauses grew with the young generation's size and made
 * the tail of every query's latency (issue 11). With the prototypes already in place, Express's
 * call finds them unchanged and V8 returns at once.
 *
 * Node's http server builds its requests and responses from these two constructors (its
 * IncomingMessage and ServerResponse options); they run Node's own constructors, which are plain
 * functions, so only the prototype differs.
 */
export function createExpressServer(app: Express): http.Server {
  function AppRequest(this: object, ...args: unknown[]): void {
    (http.IncomingMessage as unknown as Initialise).apply(this, args);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: object, ...args: unknown[]): void {
    (http.ServerResponse as unknown as Initialise).apply(this, args);
  }
  AppResponse.prototype = app.response;
  return http.createServer(
    { IncomingMessage: AppRequest as unknown as typeof http.IncomingMessage, ServerResponse: AppResponse as unknown as typeof http.ServerResponse },
    app,
  );
}
