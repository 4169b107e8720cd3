import 'reflect-metadata';

process.env.LOG_LEVEL ??= 'silent';
process.env.EXPOSE_SQL_COUNT = 'true';
// A fixed key for private session notes in tests; production keys come from the environment.
process.env.NOTES_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
// Suites that test mail and reminders start the job runner themselves (startTestServer({ RUN_JOBS: 'true' })).
process.env.RUN_JOBS ??= 'false';
// The tests' OpenID provider runs on http://127.0.0.1; production issuers must be https.
process.env.OIDC_ALLOW_HTTP_ISSUERS = 'true';
