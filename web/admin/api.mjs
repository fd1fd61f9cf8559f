// Talking to the services through the edge (same origin): the session, fetch with the token
// or the cookie, the services' problems as ApiError, files downloaded under their Vietnamese
// names. The paths are in endpoints.mjs; the words and dates in format.mjs and workflow.mjs.

const TOKEN_KEY = 'thidua.adminToken';

// Two ways in: the session cookie (HttpOnly, set by POST /sessions with a code from the bot's
// /dangnhap; no script here can read it, the browser sends it) or, for admins and scripts, a
// token pasted on the sign-in screen. The token lives in sessionStorage only: gone when the
// tab closes, never in a URL or cookie; when it is there, it is sent and decides alone.
export const session = {
  get token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch {
      return '';
    }
  },
  set token(value) {
    try {
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage disabled: the token then lasts until the page is reloaded.
    }
  },
};

export class ApiError extends Error {
  constructor(status, code, detail, requestId = '') {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.requestId = requestId;
  }
}

// One request to the edge; a network failure becomes an ApiError that says so.
async function send(path, method, headers, body) {
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, 'network_error',
      'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
}

// A refusal as an ApiError: the problem's code, its Vietnamese `detail` (else a sentence
// naming the status) and the request id to quote.
function problemOf(res, data, detail) {
  return new ApiError(res.status, (data && data.code) || `http_${res.status}`,
    detail || `Máy chủ trả lỗi ${res.status}. Vui lòng thử lại sau.`,
    (data && data.request_id) || res.headers.get('x-request-id') || '');
}

// fetch with the bearer token, or the session cookie without one; JSON in and out; errors become ApiError with the service's
// Vietnamese `detail` (application/problem+json).
// `headers`: extra request headers (e.g. Idempotency-Key).
export async function api(path, {
  method = 'GET', body, token = session.token, auth = true, headers: extra = {},
} = {}) {
  const headers = { ...extra, Accept: 'application/json, application/problem+json' };
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await send(path, method, headers, body);
  let data = null;
  if (res.status !== 204) {
    const text = await res.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
  }
  if (!res.ok) {
    throw problemOf(res, data, data && typeof data.detail === 'string' && data.detail);
  }
  return data;
}

// A file (an issued DOCX or PDF) with the bearer token, as a Blob; errors as api() has them.
// `method` and a JSON `body`: a page made from what the body names (a document's preview).
export async function fetchFile(path, { token = session.token, method = 'GET', body } = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await send(path, method, headers, body);
  if (!res.ok) {
    let data = null;
    try {
      data = await res.json();
    } catch {
      data = null;
    }
    throw problemOf(res, data, data && data.detail);
  }
  // A File named as the service names it (a Blob for callers that name it themselves).
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition'));
  return name ? new File([blob], name, { type: blob.type }) : blob;
}

// Downloads `path` (fetchFile) and hands it to the browser under the service's Vietnamese
// file name, else `fallbackName`. Errors as fetchFile has them (a 401 is the caller's to act on).
export async function saveFile(path, fallbackName) {
  const file = await fetchFile(path);
  offerDownload(file, file.name || fallbackName);
}

// Hands `blob` to the browser as a download named `name` (the link lives for one click).
export function offerDownload(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// The Vietnamese name of a download: filename* (RFC 8187, UTF-8) when given, else filename;
// '' without a header.
export function fileNameOf(disposition) {
  const text = disposition || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(text);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A broken escape: fall back to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(text);
  return plain ? plain[1] : '';
}
