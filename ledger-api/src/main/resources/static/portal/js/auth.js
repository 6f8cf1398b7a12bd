// Sign-in with the authorization code flow and PKCE (S256) as the public client "portal"; the tokens live in this
// tab's sessionStorage only. Sign-out also ends the authorization server's login session (RP-initiated logout), so
// the next person at the same browser signs in as themself.

import { language } from './i18n.js';
import { sha256 } from './sha256.js';

const SESSION = 'portal.session';
const PENDING = 'portal.pending';
const POSITION = 'portal.ledgerPosition';

let config;
let discovery;

class SignInError extends Error {}

export async function loadConfig() {
  config = await (await fetch('/portal/config', { headers: { Accept: 'application/json' } })).json();
}

async function discover() {
  if (!discovery) {
    const issuer = config.issuer.replace(/\/$/, '');
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    if (!response.ok) throw new SignInError('discovery');
    discovery = await response.json();
  }
  return discovery;
}

function redirectUri() {
  return `${location.origin}/portal/callback`;
}

/** The signed-in person ({roles, learnerId, institution}) and their token, or null when signed out or expired. */
export function session() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null');
  if (!stored || stored.expiresAt <= Date.now()) return null;
  return stored;
}

/** Forgets the session, and the ledger position its writes reached (read-your-writes is per session). */
export function forget() {
  sessionStorage.removeItem(SESSION);
  sessionStorage.removeItem(POSITION);
}

export async function signIn(returnTo) {
  const endpoints = await discover();
  const verifier = randomText(32);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, scope: config.scope, redirect_uri: redirectUri(), state,
    code_challenge: await challenge(verifier), code_challenge_method: 'S256', ui_locales: language(),
  });
  location.assign(`${endpoints.authorization_endpoint}?${query}`);
}

/** Finishes the sign-in on the callback page and answers where the person was going. */
export async function completeSignIn(query) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (query.get('error')) throw new SignInError(query.get('error'));
  if (!pending || query.get('state') !== pending.state || !query.get('code')) throw new SignInError('state');
  const endpoints = await discover();
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new SignInError('token');
  const tokens = await response.json();
  forget();
  const claims = JSON.parse(decodeBase64Url(tokens.access_token.split('.')[1]));
  const names = config.claims;
  const roles = claims[names.roles];
  sessionStorage.setItem(SESSION, JSON.stringify({
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + (tokens.expires_in ?? 300) * 1000,
    subject: claims.sub,
    roles: Array.isArray(roles) ? roles : roles ? [roles] : [],
    learnerId: claims[names.learnerId] ?? null,
    institution: claims[names.institution] ?? null,
  }));
  return pending.returnTo || '/portal/';
}

export async function signOut() {
  const ending = session();
  forget();
  const endpoints = await discover().catch(() => ({}));
  if (!endpoints.end_session_endpoint || !ending?.idToken) {
    location.assign('/portal/');
    return;
  }
  const query = new URLSearchParams({
    id_token_hint: ending.idToken, client_id: config.clientId, post_logout_redirect_uri: `${location.origin}/portal/`,
  });
  location.assign(`${endpoints.end_session_endpoint}?${query}`);
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challenge(verifier) {
  const bytes = new TextEncoder().encode(verifier);
  const digest = crypto.subtle ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)) : sha256(bytes);
  return base64Url(digest);
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
