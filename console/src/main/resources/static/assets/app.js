// The console's shell: sign-in, and the pages the signed-in person's roles allow.
import { call, describe, el } from './api.js';
import { compliancePage } from './compliance.js';
import { mappingsPage } from './mappings.js';
import { modelsPage } from './models.js';
import { operationsPage } from './operations.js';
import { reviewPage } from './review.js';
import { rulesPage } from './rules.js';

// Each page with the roles it needs, all of them (the services check the same roles again).
const PAGES = [
  { id: 'rules', title: 'Rules', roles: ['ANALYST'], render: rulesPage },
  { id: 'models', title: 'Models', roles: ['ANALYST'], render: modelsPage },
  { id: 'review', title: 'Review queue', roles: ['AGENT'], render: reviewPage },
  { id: 'compliance', title: 'Compliance', roles: ['COMPLIANCE'], render: compliancePage },
  { id: 'operations', title: 'Operations', roles: ['OPS'], render: operationsPage },
  { id: 'mappings', title: 'Field mappings', roles: ['ADMIN'], render: mappingsPage },
];

const main = document.getElementById('main');

function allowed(session) {
  return PAGES.filter((page) => page.roles.every((role) => session.roles.includes(role)));
}

// The ways to sign in here, as GET /session names them: 'api-key' and/or 'oidc' (with the provider's name and start).
let methods = { signIn: ['api-key'], oidc: null };

function signInForm(message) {
  const status = el('p', { id: 'sign-in-status', role: 'alert' }, message ?? '');
  const withKey = methods.signIn.includes('api-key');
  // A top-level navigation to the provider and back, not a fetch: the provider shows its own sign-in page.
  const provider = methods.oidc
    ? el('p', {}, el('a', { id: 'sign-in-oidc', class: 'button', href: methods.oidc.start,
      text: `Sign in with ${methods.oidc.name}` }))
    : null;
  if (!withKey) {
    main.replaceChildren(el('section', { class: 'card narrow', 'aria-labelledby': 'sign-in-title' },
      el('h1', { id: 'sign-in-title', text: 'Sign in' }), provider, status));
    provider?.firstChild.focus();
    return;
  }
  const key = el('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'current-password',
    required: true, 'aria-describedby': 'api-key-help' });
  const form = el('form', { class: 'card narrow', 'aria-labelledby': 'sign-in-title' },
    el('h1', { id: 'sign-in-title', text: 'Sign in' }), provider,
    el('label', { for: 'api-key', text: 'API key' }), key,
    el('p', { id: 'api-key-help', class: 'hint',
      text: 'Your personal API key (locally e.g. local-analyst-key). It stays on the server.' }),
    el('button', { type: 'submit', text: 'Sign in' }), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', 'session', { apiKey: key.value });
    if (answer.ok) show(answer.body);
    else status.textContent = describe(answer.problem);
  });
  main.replaceChildren(form);
  key.focus();
}

function header(session, pages, current) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...pages.map((page) => el('li', {},
    el('a', { href: `#${page.id}`, 'aria-current': page.id === current ? 'page' : null, text: page.title }))));
  const signOut = el('button', { type: 'button', class: 'link', text: 'Sign out', onclick: async () => {
    const answer = await call('DELETE', 'session');
    // Signed in with OpenID Connect: the provider's session ends too, on its own page (it sends the browser back).
    if (answer.ok && answer.body?.endSession) {
      location.assign(answer.body.endSession);
      return;
    }
    document.getElementById('who').replaceChildren();
    nav.replaceChildren();
    signInForm('Signed out.');
  } });
  document.getElementById('who').replaceChildren(
    el('span', { text: `${session.name} (${session.roles.filter((r) => !r.endsWith('_SERVICE')).join(', ').toLowerCase()})` }), signOut);
}

function show(session) {
  const pages = allowed(session);
  const page = pages.find((p) => `#${p.id}` === location.hash) ?? pages[0];
  header(session, pages, page?.id);
  if (!page) {
    main.replaceChildren(el('section', { class: 'card' }, el('h1', { text: 'Nothing here for your role yet' }),
      el('p', { text: 'The console has pages for analysts, reviewers, compliance officers and operators so far; your role works through the API (README).' })));
    return;
  }
  document.title = `${page.title} · Triage console`;
  // The address names the page shown (a page the role may not open, or none, falls back to the first allowed one),
  // so that following its own nav link does not draw it a second time over the first.
  if (location.hash !== `#${page.id}`) history.replaceState(null, '', `#${page.id}`);
  page.render(main, session);
  main.focus();
}

async function start() {
  const answer = await call('GET', 'session');
  if (answer.ok) methods = { signIn: answer.body.signIn ?? ['api-key'], oidc: answer.body.oidc ?? null };
  if (answer.ok && answer.body.name) show(answer.body);
  else signInForm();
}

window.addEventListener('hashchange', start);
start();
