import express from 'express';
import { IMPORT_TEMPLATE } from './member-import.csv';

/** The template CSV for bulk onboarding: the import's own columns and two example rows; nothing personal, so public. */
export function createImportTemplateRouter(): express.Router {
  const router = express.Router();
  router.get('/member-import.csv', (_req, res) => {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="member-import-template.csv"');
    res.send(`\ufeff${IMPORT_TEMPLATE}\r\n`);
  });
  return router;
}
