// The console's only way to the server: JSON over /v1 with the session cookie. The cookie is HttpOnly, so no
// script ever sees it; requests name their origin so the server can refuse forged cross-site ones.

export class APIError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export async function api(method, path, body) {
  const init = {
    method,
    credentials: 'same-origin',
    // The page's policy is no-referrer, which would make the browser send `Origin: null`; same-origin keeps
    // the real Origin on our own requests (and sends nothing to anyone else).
    referrerPolicy: 'same-origin',
    headers: {Accept: 'application/json'},
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new APIError(0, 'unavailable', 'The server did not answer; check that patchbay serve is running.');
  }
  if (response.status === 401 && !path.startsWith('/v1/sessions')) {
    signIn();
    throw new APIError(401, 'unauthenticated', 'Your session ended; sign in again.');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new APIError(
      response.status,
      data?.error?.code ?? 'error',
      data?.error?.message ?? `The server answered ${response.status}.`,
      data,
    );
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** To the sign-in page, coming back here afterwards. */
export function signIn() {
  const next = encodeURIComponent(location.pathname + location.search);
  location.assign(`/sign-in?next=${next}`);
}

/** Path segment or query value, escaped. */
export const enc = encodeURIComponent;

/** `a=1&b=x%20y` from an object, skipping empty values. Spaces become %20, not `+`: the API reads `+` as itself. */
export function query(values) {
  return Object.entries(values)
    .filter(([, value]) => value !== '' && value !== null && value !== undefined)
    .map(([key, value]) => `${enc(key)}=${enc(String(value))}`)
    .join('&');
}

let features;
/**
 * What this server's API offers beyond the first release, read from its OpenAPI document, so the console shows
 * what exists instead of failing on what does not: scheduled syncs (sync_interval_seconds) and cancelling a run.
 */
export async function serverFeatures() {
  features ??= fetch('/v1/openapi.yaml', {credentials: 'same-origin'})
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '')
    .then((text) => ({
      syncInterval: text.includes('sync_interval_seconds'),
      cancelSync: /\/v1\/syncs\/\{[a-z_]+\}:(?:\n {4}.*)*\n {4}delete:/.test(text),
    }));
  return features;
}
