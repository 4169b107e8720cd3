import express from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import { describeError, type Logger } from '../../common/logger';
import { fromGlobalId } from '../../common/relay';
import type { Viewer } from '../auth/viewer';
import { organizerOf, renderCalendar, type CalendarEvent } from './scheduling.calendar';

/** A calendar event the viewer is invited to, or null (not found and not theirs look the same). */
export type EventFinder = (db: DataSource, viewer: Viewer, type: string, id: string) => Promise<CalendarEvent | null>;

/**
 * GET /calendar/sessions/:id.ics: the invitation of a booked pair session or a group session, for
 * its invitees alone (bearer token or session cookie). Every invitee downloads the same file.
 */
export function createCalendarRouter(db: DataSource, config: Config, log: Logger, viewerOf: (req: express.Request) => Promise<Viewer | null>, find: EventFinder): express.Router {
  const router = express.Router();
  router.get('/sessions/:file', async (req, res) => {
    try {
      const viewer = await viewerOf(req);
      if (!viewer) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to download the invitation.' } });
        return;
      }
      const match = /^([A-Za-z0-9_-]{1,200})\.ics$/.exec(req.params.file);
      let event: CalendarEvent | null = null;
      if (match) {
        try {
          const { type, id } = fromGlobalId(match[1]);
          event = await find(db, viewer, type, id);
        } catch {
          event = null;
        }
      }
      if (!event) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'That invitation does not exist or is not yours.' } });
        return;
      }
      const { ics, method } = renderCalendar(event, organizerOf(config.mailFrom));
      res.setHeader('Content-Disposition', 'attachment; filename="co-learning-session.ics"');
      res.setHeader('Cache-Control', 'no-store');
      res.type(`text/calendar; charset=utf-8; method=${method}`).send(ics);
    } catch (error) {
      log.error('calendar download failed', describeError(error));
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. It has been logged.' } });
    }
  });
  return router;
}
