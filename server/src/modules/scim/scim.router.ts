import express from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import { describeError, type Logger } from '../../common/logger';
import { createRequestContext } from '../../context';
import { organisationOfScimToken } from './scim-token.service';
import { schemas, SCHEMA, ScimError, serviceProviderConfig, userResourceType } from './scim.protocol';
import { ScimService } from './scim.service';

const SCIM_JSON = 'application/scim+json';

/**
 * /scim/v2 for an organisation's provisioning client. The bearer token decides the organisation;
 * nothing outside it is read or changed. Errors use the SCIM error schema with their status.
 */
export function createScimRouter(db: DataSource, config: Config, log: Logger): express.Router {
  const router = express.Router();
  router.use(express.json({ type: ['application/json', SCIM_JSON], limit: '256kb' }));

  const send = (res: express.Response, status: number, body: unknown) => res.status(status).type(SCIM_JSON).send(JSON.stringify(body));
  type Handler = (req: express.Request, service: ScimService, baseUrl: string) => Promise<[number, unknown?]>;
  const handle = (handler: Handler) => async (req: express.Request, res: express.Response) => {
    const ctx = createRequestContext({
      db,
      config,
      log: log.child({ scim: true }),
      viewer: null,
      http: { ip: req.socket.remoteAddress ?? 'unknown', setSessionCookie: () => undefined, setDeviceCookie: () => undefined, clearSessionCookie: () => undefined },
    });
    try {
      const header = req.headers.authorization;
      const organisationId = await organisationOfScimToken(db, header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined);
      if (!organisationId) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="scim"');
        throw new ScimError(401, 'A valid provisioning token is needed: make one on the organisation\'s Sign-in page.');
      }
      const [status, body] = await handler(req, new ScimService(ctx, organisationId), `${config.publicUrl}/scim/v2`);
      ctx.log.info('scim', { method: req.method, path: req.route?.path, status, organisationId });
      if (body === undefined) res.status(status).end();
      else send(res, status, body);
    } catch (error) {
      if (error instanceof ScimError) {
        ctx.log.info('scim refused', { method: req.method, path: req.route?.path, status: error.status });
        send(res, error.status, error.toJSON());
      } else {
        ctx.log.error('scim failed', { method: req.method, path: req.route?.path, ...describeError(error) });
        send(res, 500, new ScimError(500, 'Something went wrong on our side. It has been logged.').toJSON());
      }
    }
  };

  router.get('/ServiceProviderConfig', handle(async (_req, _service, base) => [200, serviceProviderConfig(base)]));
  router.get('/ResourceTypes', handle(async (_req, _service, base) => [200, { schemas: [SCHEMA.list], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [userResourceType(base)] }]));
  router.get('/ResourceTypes/User', handle(async (_req, _service, base) => [200, userResourceType(base)]));
  router.get('/Schemas', handle(async (_req, _service, base) => [200, { schemas: [SCHEMA.list], totalResults: 2, startIndex: 1, itemsPerPage: 2, Resources: schemas(base) }]));
  router.get('/Schemas/:id', handle(async (req, _service, base) => {
    const found = schemas(base).find((schema) => schema.id === req.params.id);
    if (!found) throw new ScimError(404, `Schema ${req.params.id} not found.`);
    return [200, found];
  }));
  const query = (req: express.Request) => Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
  router.get('/Users', handle(async (req, service) => [200, await service.list(query(req))]));
  router.post('/Users', handle(async (req, service) => [201, await service.create(req.body)]));
  router.get('/Users/:id', handle(async (req, service) => [200, await service.get(String(req.params.id))]));
  router.put('/Users/:id', handle(async (req, service) => [200, await service.replace(String(req.params.id), req.body)]));
  router.patch('/Users/:id', handle(async (req, service) => [200, await service.patch(String(req.params.id), req.body)]));
  router.delete('/Users/:id', handle(async (req, service) => {
    await service.remove(String(req.params.id));
    return [204];
  }));
  router.use((_req: express.Request, res: express.Response) => send(res, 404, new ScimError(404, 'No such SCIM endpoint.').toJSON()));
  // Malformed JSON from express.json: a SCIM invalidSyntax error, not an HTML page.
  router.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    send(res, 400, new ScimError(400, 'The request body is not valid JSON, or is too large.', 'invalidSyntax').toJSON());
  });
  return router;
}
