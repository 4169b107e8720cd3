import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { apiSuite } from '../helpers/suite';

/**
 * Issue 11: no request or response has its prototype changed on its way through the server.
 * Express does that to every request it takes unless the server built them with its prototypes
 * (common/express-server.ts); in V8 it makes what the request allocates outlive young-generation
 * collections, and their pauses the tail of every query's latency. This watches
 * Object.setPrototypeOf while the real server answers each kind of request it serves.
 */
const t = apiSuite();

interface Swap {
  target: string;
}

/** Runs `during` while recording every prototype change made to an HTTP request or response. */
async function swapsDuring(during: () => Promise<void>): Promise<Swap[]> {
  const swaps: Swap[] = [];
  const original = Object.setPrototypeOf;
  const spy = jest.spyOn(Object, 'setPrototypeOf').mockImplementation((target: object, prototype: object | null) => {
    const isHttp = target instanceof http.IncomingMessage || target instanceof http.ServerResponse;
    if (isHttp && Object.getPrototypeOf(target) !== prototype) swaps.push({ target: target.constructor?.name ?? 'unknown' });
    return original(target, prototype);
  });
  try {
    await during();
  } finally {
    spy.mockRestore();
  }
  return swaps;
}

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('the server changes no request or response prototype, whatever it answers', async () => {
  const url = t.server.url;
  const swaps = await swapsDuring(async () => {
    const answers = await Promise.all([
      post(`${url}/graphql`, JSON.stringify({ query: '{ __typename }' })),
      post(`${url}/graphql`, '{"query": '), // malformed JSON: a coded 400
      fetch(`${url}/graphql`), // a GET without a query
      fetch(`${url}/healthz`),
      fetch(`${url}/exports/my-data`), // not signed in
      fetch(`${url}/board`), // the client's route
      post(`${url}/no-such-endpoint`, '{}'),
    ]);
    for (const answer of answers) await answer.arrayBuffer();
    expect(answers.map((a) => a.status)).toContain(200);
    expect(answers.map((a) => a.status)).toContain(400);
  });
  expect(swaps).toEqual([]);
});

test('the check sees the swap a server built by node:http alone makes', async () => {
  const app = express();
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const swaps = await swapsDuring(async () => {
      await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).json();
    });
    expect(swaps.length).toBeGreaterThanOrEqual(2);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
