import http from 'node:http';
import net from 'node:net';

/** A kept-alive connection with nothing in flight for this long is closed while draining. */
const IDLE_CLOSE_MS = 200;

/**
 * Stopping an HTTP server without failing a request: stop accepting connections, answer every
 * request in flight and every request that arrives on an open keep-alive connection with
 * `Connection: close` (so the client opens no more on it), close connections once they are idle,
 * and destroy what is left only after the grace period.
 *
 * Why not `server.close()` (or Apollo's drain plugin, which calls it): since Node 19 it closes idle
 * keep-alive connections at once, and a client that is just then sending its next request on one
 * gets "socket hang up" for a request the server never saw. Here a connection is closed only after
 * it has been idle for a moment or has answered with `Connection: close`.
 */
export function drainableServer(server: http.Server) {
  /**
   * Each open connection with the responses in flight on it (more than one only when a client
   * pipelines). Not a Set of every response in flight: in V8, adding and deleting a Set's entries
   * on every request made what the requests allocated outlive young-generation collections (13% of
   * it against 2% under ten concurrent requests, issue 11); a short array per connection does not.
   */
  const connections = new Map<net.Socket, { responses: http.ServerResponse[]; idleSince: number }>();
  let draining = false;
  let lastClosed: (() => void) | undefined;

  server.on('connection', (socket: net.Socket) => {
    connections.set(socket, { responses: [], idleSince: Date.now() });
    socket.once('close', () => {
      connections.delete(socket);
      if (connections.size === 0) lastClosed?.();
    });
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = connections.get(req.socket);
    state?.responses.push(res);
    if (draining) res.shouldKeepAlive = false;
    res.once('close', () => {
      if (!state) return;
      const at = state.responses.indexOf(res);
      if (at >= 0) state.responses.splice(at, 1);
      state.idleSince = Date.now();
      if (draining && state.responses.length === 0) req.socket.end();
    });
  });

  /**
   * Stops taking connections; resolves once every connection has closed, those the listener took
   * and those handed to the server by another process (cluster.ts), which the listener never sees.
   */
  const stopAccepting = () =>
    Promise.all([
      server.listening
        ? // Not http.Server#close, which would also sweep idle keep-alive connections at once.
          new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()))
        : undefined,
      connections.size ? new Promise<void>((resolve) => (lastClosed = resolve)) : undefined,
    ]);

  return {
    /** Resolves true once every connection has closed, or false if some had to be destroyed after `graceMs`. */
    drain(graceMs: number): Promise<boolean> {
      draining = true;
      for (const state of connections.values()) for (const res of state.responses) if (!res.headersSent) res.shouldKeepAlive = false;
      const closed = stopAccepting();
      return new Promise((resolve) => {
        let sweep: NodeJS.Timeout | undefined;
        let timer: NodeJS.Timeout | undefined;
        const finish = (clean: boolean) => {
          clearInterval(sweep);
          clearTimeout(timer);
          // http.Server#close also stops the timer that checks request timeouts; the listener is already closed.
          server.close(() => resolve(clean));
        };
        void closed.then(() => finish(true));
        sweep = setInterval(() => {
          const now = Date.now();
          for (const [socket, state] of connections) if (state.responses.length === 0 && now - state.idleSince >= IDLE_CLOSE_MS) socket.end();
        }, 50);
        timer = setTimeout(() => {
          for (const socket of connections.keys()) socket.destroy();
          finish(false);
        }, graceMs);
      });
    },
  };
}
