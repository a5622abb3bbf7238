// Calls to the console's own API. The session cookie is HttpOnly; state-changing calls echo the CSRF cookie.

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** The answer's JSON body (or null) with its status; a ProblemDetail comes back as { ok: false, problem }. */
export async function call(method, path, body) {
  return send(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
}

/** As call, sending the body text as it is (e.g. an uploaded file's content) with its content type. */
export async function send(method, path, body, type) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = type;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  return response.ok ? { ok: true, status: response.status, body: json }
    : { ok: false, status: response.status, problem: json ?? { detail: response.statusText } };
}

/** A problem as one line for a person: what is wrong and, where the service named it, which field. */
export function describe(problem) {
  const field = problem.field ?? problem.errors?.[0]?.field;
  const detail = problem.detail ?? problem.title ?? 'Request failed';
  return field && !detail.includes(field) ? `${field}: ${detail}` : detail;
}

/** An element with attributes and children; strings become text nodes (never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}
