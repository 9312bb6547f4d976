// The one way the UI talks to the server: JSON in and out, the CSRF header on every
// state-changing request, and every failure turned into an ApiFailure carrying the ApiError JSON.

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A failed request; `problems` are the ApiError's `errors` ({pointer, message}). */
export class ApiFailure extends Error {
  constructor(body, retryAfter) {
    super(body.message || `HTTP ${body.status}`);
    this.status = body.status;
    this.code = body.code;
    this.problems = body.errors || [];
    this.retryAfter = retryAfter;
  }
}

/** JSON already written out, sent as it is: e.g. a definition pretty-printed so that stored files and diffs read well. */
export class JsonText {
  constructor(text) {
    this.text = text;
  }
}

/** An XML document sent as it is, e.g. a BPMN process definition. */
export class XmlText {
  constructor(text) {
    this.text = text;
  }
}

let unauthorizedListener = () => {};

/** Called with the failure whenever the server answers 401, so the shell can send the user to the login page. */
export function onUnauthorized(listener) {
  unauthorizedListener = listener;
}

function readCookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find(part => part.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** Makes sure the XSRF-TOKEN cookie exists (the server sets it lazily) and returns its value. */
export async function csrfToken() {
  let token = readCookie('XSRF-TOKEN');
  if (!token) {
    const answer = await request('GET', '/api/auth/csrf');
    token = readCookie('XSRF-TOKEN') || answer.token;
  }
  return token;
}

async function toFailure(response) {
  const retryAfter = response.headers.get('Retry-After');
  let body;
  try {
    body = await response.json();
  } catch {
    body = { status: response.status, code: 'http.error', message: response.statusText || `HTTP ${response.status}` };
  }
  return new ApiFailure({ ...body, status: body.status || response.status }, retryAfter && Number(retryAfter));
}

async function send(method, path, body, csrfRetry) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = body instanceof XmlText ? 'application/xml' : 'application/json';
    payload = body instanceof JsonText || body instanceof XmlText ? body.text : JSON.stringify(body);
  }
  if (UNSAFE_METHODS.has(method)) {
    headers['X-XSRF-TOKEN'] = await csrfToken();
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.ok) {
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }
  const failure = await toFailure(response);
  // Logging in or out rotates the CSRF token; a 403 on a state-changing request may only mean a stale
  // token, so fetch a fresh one and try exactly once more before reporting the refusal.
  if (failure.status === 403 && UNSAFE_METHODS.has(method) && csrfRetry) {
    await request('GET', '/api/auth/csrf');
    return send(method, path, body, false);
  }
  if (failure.status === 401 && path !== '/api/auth/login') unauthorizedListener(failure);
  throw failure;
}

export function request(method, path, body) {
  return send(method, path, body, true);
}

export const api = {
  get: path => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: path => request('DELETE', path),
};

/** Hands a file the server answered with to the browser as a download named by the server. */
async function saveAnswer(response, fallbackName) {
  if (!response.ok) {
    const failure = await toFailure(response);
    if (failure.status === 401) unauthorizedListener(failure);
    throw failure;
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  saveBlob(await response.blob(), named ? decodeURIComponent(named[1]) : fallbackName);
}

/** Offers a blob (or a data: URL) made in the page as a download under this name. */
export function saveBlob(blob, name) {
  const link = document.createElement('a');
  link.href = typeof blob === 'string' ? blob : URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (typeof blob !== 'string') setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** Fetches a file (e.g. a pack export) and hands it to the browser as a download named by the server. */
export async function downloadFile(path, fallbackName) {
  await saveAnswer(await fetch(path, { credentials: 'same-origin' }), fallbackName);
}

/** Posts a blob (e.g. a PNG the page drew) and hands the file the server makes of it to the browser as a download. */
export async function postForDownload(path, blob, fallbackName) {
  const headers = { 'Content-Type': blob.type, 'X-XSRF-TOKEN': await csrfToken() };
  await saveAnswer(await fetch(path, { method: 'POST', headers, body: blob, credentials: 'same-origin' }), fallbackName);
}

/**
 * Posts a file as multipart field `file` with XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress` receives the fraction sent (0..1).
 */
export async function uploadFile(path, file, onProgress) {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.onprogress = event => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { status: xhr.status, code: 'http.error', message: xhr.statusText || `HTTP ${xhr.status}` };
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body);
      } else {
        const failure = new ApiFailure({ ...body, status: body.status || xhr.status });
        if (failure.status === 401) unauthorizedListener(failure);
        reject(failure);
      }
    };
    xhr.onerror = () => reject(new ApiFailure({ status: 0, code: 'network', message: 'network' }));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * Runs an action whose failure should be shown rather than thrown: the failure lands in
 * {@code errorRef} (which an ErrorBox displays). Answers whether the action succeeded.
 */
export async function attempt(errorRef, action) {
  try {
    await action();
    return true;
  } catch (failure) {
    errorRef.value = failure;
    return false;
  }
}
