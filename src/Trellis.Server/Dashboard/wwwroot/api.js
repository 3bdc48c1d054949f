// Talking to the dashboard's JSON API. A 401 sends the user to the login page and back here afterwards.
// State-changing calls carry the session's anti-forgery token in a header (the cookie is HttpOnly).

export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

function toLogin() {
  location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
}

async function read(response) {
  if (response.status === 401) {
    toLogin();
    throw new ApiError('Your session has ended. Log in again.', 401, null);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok || (body && body.success === false)) {
    throw new ApiError(body?.error ?? `${response.status} ${response.statusText}`, response.status, body);
  }
  return body;
}

export async function getJson(url) {
  return read(await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
}

let sessionPromise = null;

export function session() {
  sessionPromise ??= getJson('/dashboard/api/session');
  return sessionPromise;
}

export async function post(url) {
  const s = await session();
  return read(await fetch(url, {
    method: 'POST',
    headers: { Accept: 'application/json', [s.csrfHeader]: s.csrf },
    credentials: 'same-origin',
  }));
}

export const enc = encodeURIComponent;
