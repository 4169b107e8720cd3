/**
 * Preloaded into our server's child with `node -r`: main.ts listens on every interface (there is no
 * HOST setting), and the benchmark stays on loopback, so a listen without a host gets 127.0.0.1.
 * It changes where the server binds, nothing it does per request.
 */
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  return (listen as (...a: unknown[]) => net.Server).apply(this, args);
} as typeof listen;
