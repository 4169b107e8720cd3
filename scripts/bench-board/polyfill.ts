/**
 * Preloaded into the PostGraphile child with `node -r`: PostGraphile 5 uses Promise.withResolvers
 * (Node 22+); on Node 20 this stand-in is all it lacks (its engines say >=22, yet it runs).
 */
type Resolvers = { promise: Promise<unknown>; resolve: (value: unknown) => void; reject: (reason?: unknown) => void };
const withResolvers = (): Resolvers => {
  let resolve!: Resolvers['resolve'];
  let reject!: Resolvers['reject'];
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const PromiseWith = Promise as unknown as { withResolvers?: () => Resolvers };
PromiseWith.withResolvers ??= withResolvers;
