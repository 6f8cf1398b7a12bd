// Calls the ledger's JSON API with the bearer token and the chosen language; a refusal becomes an ApiError that
// carries the problem+json answer, so every page can say what went wrong in words.

import { session } from './auth.js';
import { has, language, t } from './i18n.js';

const POSITION = 'portal.ledgerPosition'; // cleared with the session (auth.js)

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.code = problem.code ?? (status ? `HTTP_${status}` : 'NETWORK');
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': language() };
  const token = session()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // read our own writes: a read waits until the read models have the last thing this tab wrote
  const position = sessionStorage.getItem(POSITION);
  if (method === 'GET' && position) headers['Min-Ledger-Position'] = position;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, {});
  }
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => ({})));
  }
  const written = response.headers.get('Ledger-Position');
  if (written) sessionStorage.setItem(POSITION, written);
  return response.status === 204 ? null : response.json();
}

/** What to tell a person about a refusal: the portal's text for its code, else the server's localized title. */
export function problemText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (has(`problem.${error.code}`)) return t(`problem.${error.code}`);
    if (error.problem.title) return error.problem.title;
  }
  return t('error.unexpected');
}
