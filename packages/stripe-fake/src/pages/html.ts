import type { ServerResponse } from 'node:http';

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
  body { margin: 0; background: #f6f8fa; color: #1a1a1a; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  h2 { font-size: 1.15rem; }
  .fake-banner { background: #fff4ce; border: 1px solid #9a6700; padding: .5rem .75rem; border-radius: 4px; font-size: .9rem; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { text-align: left; padding: .4rem .25rem; border-bottom: 1px solid #d0d7de; }
  td.num, th.num { text-align: right; }
  fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 1.25rem 0; padding: 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: block; font-weight: 500; margin-top: .75rem; }
  input { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; margin-top: .25rem; border: 1px solid #57606a; border-radius: 4px; }
  .hint { font-size: .875rem; color: #424a53; margin: .25rem 0 0; }
  button { font: inherit; font-weight: 600; margin-top: 1rem; padding: .6rem 1.2rem; border-radius: 6px; border: 2px solid #0a3069; background: #0550ae; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0a3069; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #bf8700; outline-offset: 2px; }
  .error { border: 2px solid #a40e26; background: #ffebe9; color: #82071e; padding: .75rem; border-radius: 6px; }
  .ok { border: 2px solid #1a7f37; background: #dafbe1; padding: .75rem; border-radius: 6px; }
  a { color: #0550ae; }
`;

/** A complete, accessible HTML document (language set, landmarks, visible focus, no scripts needed). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="fake-banner">Test mode — stripe-fake. No real money moves.</p>
${body}
</main>
</body>
</html>`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(html)), 'Cache-Control': 'no-store' });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Content-Length': '0' });
  res.end();
}

export function errorBox(message: string | undefined): string {
  return message ? `<div class="error" role="alert" id="form-error"><strong>There is a problem:</strong> ${esc(message)}</div>` : '';
}
