/** What a message says; rendered into a plain-text part and an accessible HTML part. */
export interface MailContent {
  subject: string;
  /** The opening line, e.g. "Hello Olu,". */
  greeting: string;
  /** Paragraphs of plain words; never private notes, evidence text or who raised an anonymous barrier. */
  paragraphs: string[];
  /** The one thing to do, as a link into the app (which checks who is reading). */
  action?: { label: string; url: string };
  /** Why the person gets this, and the link that stops it. */
  unsubscribe?: { label: string; url: string };
  /** A calendar invitation (RFC 5545) sent with the message; it carries no more than the time and place. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderText(content: MailContent): string {
  const lines = [content.greeting, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, '');
  lines.push('-- ', 'Common Ground');
  if (content.unsubscribe) lines.push(`${content.unsubscribe.label}: ${content.unsubscribe.url}`);
  return lines.join('\n') + '\n';
}

/**
 * A simple single-column HTML part: a language, a title, real paragraphs and a link whose text
 * says where it goes (screen readers list links out of context), good contrast, no images.
 */
export function renderHtml(content: MailContent): string {
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1d4f91;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:underline;display:inline-block">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const unsubscribe = content.unsubscribe
    ? `<p style="margin:0;font-size:14px;color:#3d3d3d"><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#1d4f91">${escapeHtml(content.unsubscribe.label)}</a></p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px">
<p style="margin:0 0 16px">${escapeHtml(content.greeting)}</p>
${paragraphs}
${action}
<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">
<p style="margin:0 0 8px;font-size:14px;color:#3d3d3d">Common Ground</p>
${unsubscribe}
</main>
</body>
</html>
`;
}
