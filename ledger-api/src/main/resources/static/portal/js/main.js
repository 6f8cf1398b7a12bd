// The portal's frame: language, sign-in state, header and navigation, and which page a path shows.

import { ApiError, problemText } from './api.js';
import { completeSignIn, forget, loadConfig, session, signIn, signOut } from './auth.js';
import { h } from './dom.js';
import { otherLanguage, savedLanguage, t, useLanguage } from './i18n.js';
import { learnerPath } from './pages/common.js';
import * as certificates from './pages/certificates.js';
import * as dashboard from './pages/dashboard.js';
import * as grades from './pages/grades.js';
import * as inbox from './pages/inbox.js';
import * as outcomes from './pages/outcomes.js';
import * as progress from './pages/progress.js';
import * as review from './pages/review.js';
import * as transcript from './pages/transcript.js';
import * as transfers from './pages/transfers.js';

const LEARNER_PAGES = { '': dashboard, certificates, outcomes, progress, grades, transfers, transcript };
const LEARNER_ROUTE = /^\/portal\/learners\/([^/]+)(?:\/([a-z]+))?$/;
const TRANSFER_ROUTE = /^\/portal\/transfers\/([^/]+)$/;

const main = document.getElementById('main');

function navigate(path, { replace = false } = {}) {
  history[replace ? 'replaceState' : 'pushState'](null, '', path);
  return route({ moveFocus: true });
}

async function route({ moveFocus = false, notice } = {}) {
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  if (path === '/portal/callback') {
    return callback(query);
  }
  const user = session();
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(query.get('asOf') ?? '') ? query.get('asOf') : null;
  const learnerRoute = path.match(LEARNER_ROUTE);
  drawHeader(user);
  drawNav(user, learnerRoute ? decodeURIComponent(learnerRoute[1]) : null, learnerRoute?.[2] ?? '', asOf);
  if (!user) {
    return show(welcome(path + location.search), moveFocus);
  }
  if (path === '/portal/' || path === '/portal') {
    if (user.learnerId) return navigate(learnerPath(user.learnerId), { replace: true });
    if (user.institution) return navigate('/portal/inbox', { replace: true });
    return show(message(t('error.noPortal')), moveFocus);
  }
  // after a decision or an application the focus goes to the page's heading, the notice right after it
  const context = { user, query, asOf, navigate, refresh: (options) => route({ moveFocus: true, ...options }) };
  let page;
  if (learnerRoute && LEARNER_PAGES[learnerRoute[2] ?? ''] !== undefined) {
    page = () => LEARNER_PAGES[learnerRoute[2] ?? ''].render({ ...context, learnerId: decodeURIComponent(learnerRoute[1]) });
  } else if (path === '/portal/inbox' && user.institution) {
    page = () => inbox.render(context);
  } else if (path.match(TRANSFER_ROUTE)) {
    page = () => review.render({ ...context, params: [decodeURIComponent(path.match(TRANSFER_ROUTE)[1])] });
  } else {
    return show(message(t('error.notFound')), moveFocus);
  }
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('status.loading')));
  try {
    const content = await page();
    if (notice) content.querySelector('h1')?.after(h('p', { class: 'message success', role: 'status', id: 'notice' }, notice));
    show(content, moveFocus);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forget();
      drawHeader(null);
      show(welcome(path + location.search, t('error.sessionExpired')), moveFocus);
    } else {
      show(failure(error), moveFocus);
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
}

function show(content, moveFocus) {
  main.replaceChildren(content);
  const title = main.querySelector('h1');
  document.title = `${title ? `${title.textContent} · ` : ''}${t('app.title')}`;
  if (moveFocus) (title ?? main).focus();
}

async function callback(query) {
  try {
    const returnTo = await completeSignIn(query);
    return navigate(returnTo, { replace: true });
  } catch {
    history.replaceState(null, '', '/portal/');
    drawHeader(null);
    drawNav(null);
    return show(welcome('/portal/', t('error.signIn')), true);
  }
}

function drawHeader(user) {
  const switchTo = otherLanguage();
  document.getElementById('top').replaceChildren(
    h('a', { href: '/portal/', class: 'brand' }, t('app.title')),
    h('div', { class: 'top-actions' },
      user ? h('span', { class: 'who', id: 'who' }, who(user)) : null,
      h('button', { type: 'button', id: 'language', lang: switchTo, onclick: switchLanguage }, t('language.switch')),
      user ? h('button', { type: 'button', id: 'sign-out', onclick: signOut }, t('action.signOut')) : null));
  document.getElementById('skip-link').textContent = t('skip.main');
}

function who(user) {
  if (user.learnerId) return t('who.learner', { id: user.subject });
  if (user.institution) return t('who.registrar', { id: user.subject, institution: user.institution });
  return user.subject;
}

function drawNav(user, learnerId, section, asOf) {
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  if (!user) {
    nav.replaceChildren();
    return;
  }
  const links = [];
  if (user.institution) links.push(['/portal/inbox', t('nav.inbox'), location.pathname === '/portal/inbox']);
  // a learner's links always lead to their own account; a registrar's to the applicant on screen
  const shown = user.learnerId ?? learnerId;
  const keep = asOf ? `?asOf=${asOf}` : '';
  if (shown) {
    for (const name of Object.keys(LEARNER_PAGES)) {
      if (name === 'transfers' && shown !== user.learnerId) continue;
      links.push([learnerPath(shown, name) + keep, t(`nav.${name || 'dashboard'}`), learnerId === shown && section === name]);
    }
  }
  nav.replaceChildren(h('ul', {}, links.map(([href, label, current]) =>
    h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null }, label)))));
  if (learnerId) nav.append(asOfForm(asOf));
}

/** 截至日期: see the account as it stood on a past date; the date stays in the address, so it can be shared. */
function asOfForm(asOf) {
  return h('form', { class: 'as-of', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const chosen = event.target.asOf.value;
    const query = new URLSearchParams(location.search);
    if (chosen) query.set('asOf', chosen); else query.delete('asOf');
    navigate(`${location.pathname}${query.size ? `?${query}` : ''}`);
  } },
  h('label', { for: 'as-of' }, t('asOf.label')),
  h('input', { type: 'date', id: 'as-of', name: 'asOf', value: asOf ?? '' }),
  h('button', { type: 'submit', id: 'as-of-apply' }, t('action.show')),
  asOf ? h('a', { href: location.pathname, id: 'as-of-today' }, t('asOf.today')) : null);
}

function welcome(returnTo, problem) {
  return h('section', { class: 'welcome' },
    h('h1', { tabindex: '-1' }, t('welcome.title')),
    problem ? h('p', { class: 'message error', role: 'alert', id: 'error-message' }, problem) : null,
    h('p', {}, t('welcome.text')),
    h('button', { type: 'button', id: 'sign-in', onclick: () => signIn(returnTo) }, t('action.signIn')));
}

function message(text) {
  return h('section', {}, h('h1', { tabindex: '-1' }, t('error.title')), h('p', { class: 'message error', role: 'alert', id: 'error-message' }, text));
}

function failure(error) {
  const code = error instanceof ApiError && error.problem.code ? error.problem.code : null;
  return h('section', {},
    h('h1', { tabindex: '-1' }, t('error.title')),
    h('div', { class: 'message error', role: 'alert', id: 'error-message' },
      h('p', {}, problemText(error)),
      code ? h('p', { class: 'code' }, t('error.code', { code })) : null));
}

async function switchLanguage() {
  await useLanguage(otherLanguage());
  await route();
  document.getElementById('language').focus();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/portal/') || link.target) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => route({ moveFocus: true }));

await Promise.all([loadConfig(), useLanguage(savedLanguage())]);
await route();
