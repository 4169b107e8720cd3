import express from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../common/logger';
import { PersonEntity } from '../person/person.entity';
import { kindLabel } from './mail.kinds';
import { unsubscribe } from './mail.service';
import { verifyUnsubscribe } from './unsubscribe-token';

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Common Ground</title></head>
<body><main><h1>${title}</h1>${body}<p><a href="/account/email">Choose which emails you get</a> (after signing in).</p></main></body></html>`;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The link at the foot of every email, and the List-Unsubscribe target. GET shows a page with one
 * button (so a mail scanner that follows links turns nothing off); POST, from that button or from
 * a mail client's one-click (RFC 8058), turns the kind off. No sign-in: the signed token decides.
 */
export function createUnsubscribeRouter(db: DataSource, secret: Buffer, log: Logger) {
  const router = express.Router();
  const find = async (req: express.Request) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const claim = verifyUnsubscribe(secret, token);
    const person = claim && (await db.getRepository(PersonEntity).findOneBy({ id: claim.personId }));
    return claim && person ? { ...claim, token } : null;
  };
  const invalid = (res: express.Response) =>
    res.status(400).type('html').send(page('This link is not valid', '<p>The unsubscribe link is incomplete or was not made by Common Ground.</p>'));

  router.get('/unsubscribe', async (req, res) => {
    const found = await find(req);
    if (!found) return invalid(res);
    const what = found.kind === 'DIGEST' ? 'the daily summary' : `“${kindLabel(found.kind)}”`;
    res.type('html').send(
      page(
        'Stop these emails?',
        `<p>You will no longer get emails for ${escapeHtml(what)}. Notifications in the app are not affected.</p>
<form method="post" action="/mail/unsubscribe?token=${encodeURIComponent(found.token)}"><button type="submit">Stop these emails</button></form>`,
      ),
    );
  });

  router.post('/unsubscribe', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    const found = await find(req);
    if (!found) return invalid(res);
    const what = await unsubscribe({ db }, found.personId, found.kind);
    log.info('unsubscribed', { kind: found.kind });
    res.type('html').send(page('You are unsubscribed', `<p>You will no longer get emails for ${escapeHtml(what)}.</p>`));
  });
  return router;
}
