// The console's shell: who is signed in, which workspace is shown, the navigation, and the page the path names.
// Pages are drawn from /v1 only; there is no other way to read or change data.

import {APIError, del, get, signIn} from './api.js';
import {errorBox, h, replace, spinner, toast} from './dom.js';

// Each page's module is loaded only when its page is shown, while /v1/me is in flight: a page fetches only the
// code it runs.
const routes = [
  [/^\/integrations\/?$/, () => import('./page-integrations.js'), 'integrations'],
  [/^\/integrations\/new\/?$/, () => import('./page-new-integration.js'), 'integrations'],
  [/^\/integrations\/(\d+)\/syncs\/?$/, () => import('./page-syncs.js'), 'integrations'],
  [/^\/networks\/?$/, () => import('./page-networks.js'), 'networks'],
  [/^\/networks\/(\d+)\/?$/, () => import('./page-network.js'), 'networks'],
  [/^\/providers\/?$/, () => import('./page-providers.js'), 'providers'],
  [/^\/users\/?$/, () => import('./page-users.js'), 'users'],
];

const sections = [
  ['integrations', 'Integrations', '/integrations'],
  ['networks', 'Networks', '/networks'],
  ['providers', 'Providers', '/providers'],
  ['users', 'Users & tokens', '/users'],
];

async function start() {
  const main = document.getElementById('main');
  const route = routes.find(([pattern]) => pattern.test(location.pathname));
  if (!route) {
    replace(main, errorBox(`No console page at ${location.pathname}.`, 'Not found'));
    return;
  }
  const [pattern, load, section] = route;
  const module = load();
  module.catch(() => {});  // reported below, once the account loaded
  let me;
  try {
    me = await get('/v1/me');
  } catch (error) {
    if (error instanceof APIError && error.status === 401) return;
    replace(main, errorBox(error.message, 'Could not load your account'));
    return;
  }
  const workspace = chooseWorkspace(me.workspaces);
  drawHeader(me, workspace, section);
  const params = location.pathname.match(pattern).slice(1);
  const context = {me, workspace, params, link: (path, extra) => link(path, workspace, extra)};
  showFlash();
  replace(main, h('p', {class: 'page-loading'}, spinner('Loading'), ' Loading…'));
  try {
    const page = await module;
    await page.render(main, context);
    // The moment the page's content is drawn, for Benchmarks/Console (first render on loopback).
    performance.mark('patchbay:rendered');
  } catch (error) {
    if (error instanceof APIError && error.status === 401) return;
    replace(main, errorBox(error.message));
  }
}

/** The workspace named by `?workspace=`, else the last one used in this tab, else the first. */
function chooseWorkspace(workspaces) {
  const wanted = new URLSearchParams(location.search).get('workspace') ?? sessionStorage.getItem('workspace');
  const chosen = workspaces.find((w) => w.name === wanted || String(w.id) === wanted) ?? workspaces[0] ?? null;
  if (chosen) sessionStorage.setItem('workspace', chosen.name);
  return chosen;
}

/** A console path that keeps the current workspace. */
export function link(path, workspace, extra = {}) {
  const query = new URLSearchParams(extra);
  if (workspace) query.set('workspace', workspace.name);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

function drawHeader(me, workspace, current) {
  const header = document.getElementById('topbar');
  const nav = h(
    'nav',
    {class: 'nav', 'aria-label': 'Console'},
    h(
      'ul',
      {},
      sections.map(([id, label, path]) =>
        h('li', {}, h('a', {href: link(path, workspace), 'aria-current': id === current ? 'page' : null}, label)),
      ),
    ),
  );
  const switcher =
    me.workspaces.length > 1
      ? h(
          'label',
          {class: 'switcher'},
          h('span', {class: 'visually-hidden'}, 'Workspace'),
          h(
            'select',
            {
              id: 'workspace-switcher',
              onchange: (event) => {
                sessionStorage.setItem('workspace', event.target.value);
                const query = new URLSearchParams(location.search);
                query.set('workspace', event.target.value);
                location.assign(`${location.pathname.replace(/\/\d+.*$/, '') || '/integrations'}?${query}`);
              },
            },
            me.workspaces.map((w) => h('option', {value: w.name, selected: w.id === workspace?.id}, w.name)),
          ),
        )
      : workspace
        ? h('span', {class: 'workspace-name', title: 'Workspace'}, workspace.name)
        : null;
  const signOut = h(
    'button',
    {
      type: 'button',
      class: 'button button-quiet',
      id: 'sign-out',
      onclick: async () => {
        try {
          await del('/v1/sessions/current');
        } catch (error) {
          if (!(error instanceof APIError && error.status === 401)) {
            toast(error.message, 'error');
            return;
          }
        }
        location.assign('/sign-in');
      },
    },
    'Sign out',
  );
  replace(
    header,
    h(
      'div',
      {class: 'topbar-inner'},
      h('a', {class: 'brand', href: link('/integrations', workspace)}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}), 'Patchbay'),
      nav,
      h(
        'div',
        {class: 'account'},
        switcher,
        h('span', {class: 'user', title: 'Signed in as'}, h('span', {class: 'avatar', 'aria-hidden': 'true'}, me.user.name.slice(0, 1).toUpperCase()), me.user.name),
        signOut,
      ),
    ),
  );
  header.hidden = false;
}

/** A message a previous page left for this one (e.g. "Integration created"). */
function showFlash() {
  const message = sessionStorage.getItem('flash');
  if (!message) return;
  sessionStorage.removeItem('flash');
  toast(message);
}

start().catch((error) => {
  if (error instanceof APIError && error.status === 401) signIn();
});
