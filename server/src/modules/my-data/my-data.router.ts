import express from 'express';
import type { DataSource } from 'typeorm';
import { describeError, type Logger } from '../../common/logger';
import type { Viewer } from '../auth/viewer';
import { collectMyData } from './my-data.service';

/** GET /exports/my-data.json: the signed-in person's own data, as a download (bearer token or session cookie). */
export function createMyDataRouter(db: DataSource, notesKey: Buffer | undefined, log: Logger, viewerOf: (req: express.Request) => Promise<Viewer | null>): express.Router {
  const router = express.Router();
  router.get('/my-data.json', async (req, res) => {
    try {
      const viewer = await viewerOf(req);
      if (!viewer) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to download your data.' } });
        return;
      }
      const data = await collectMyData(db, viewer, notesKey);
      res.setHeader('Content-Disposition', `attachment; filename="common-ground-my-data-${new Date().toISOString().slice(0, 10)}.json"`);
      res.setHeader('Cache-Control', 'no-store');
      res.type('application/json').send(JSON.stringify(data, null, 2));
    } catch (error) {
      log.error('my-data export failed', describeError(error));
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. It has been logged.' } });
    }
  });
  return router;
}
