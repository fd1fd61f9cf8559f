// A document's preview inside the dashboard (issue 11): the services lay out the page the DOCX
// and the PDF are built from (libs/docs/html_page: every text escaped there, number left
// blank), and the dashboard shows its body in a region of the card, styled by the dashboard's
// own sheet (.document-preview). Used by the yearly report's card and by every place a
// document of an award round is issued.
import { ApiError, fetchFile } from './api.mjs';

// The body of page `html` as nodes of this document. Its head is cut before parsing: a parsed
// inline style sheet counts against the dashboard's policy (no inline style) even though it
// never applies; scripts, styles, links and metas are dropped besides.
export function pageNodes(html) {
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  const body = start >= 0 && end > start ? html.slice(start + 6, end) : '';
  const page = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
  page.querySelectorAll('script, style, link, meta').forEach((n) => n.remove());
  return [...page.body.childNodes].map((n) => document.importNode(n, true));
}

// Fetches the preview at `path` (GET; POST with `body`, the same body as issuing) and shows it
// in `region`, which then takes the focus. A 401 calls `signOut`; other errors are thrown with
// the service's Vietnamese detail, and the region keeps what it showed.
export async function showPreview(region, path, { body, signOut } = {}) {
  const options = body === undefined ? {} : { method: 'POST', body };
  const page = await fetchFile(path, options).catch((error) => {
    if (error instanceof ApiError && error.status === 401 && signOut) signOut();
    throw error;
  });
  region.replaceChildren(...pageNodes(await page.text()));
  region.hidden = false;
  region.focus();
}
