// The console's shell: who is signed in, which workspace is shown, the navigation, and the page the path names.
// Pages are drawn from /v1 only; there is no other way to read or change data.

import {APIError, del, get, signIn} from './api.js';
import {errorBox, h, replace, spinner, toast} from './dom.js';
import * as integrations from './page-integrations.js';
import * as network from './page-network.js';
import * as networks from './page-networks.js';
import * as newIntegration from './page-new-integration.js';
import * as providers from './page-providers.js';
import * as syncs from './page-syncs.js';
import * as users from './page-users.js';

const routes = [
  [/^\/integrations\/?$/, integrations, 'integrations'],
  [/^\/integrations\/new\/?$/, newIntegration, 'integrations'],
  [/^\/integrations\/(\d+)\/syncs\/?$/, syncs, 'integrations'],
  [/^\/networks\/?$/, networks, 'networks'],
  [/^\/networks\/(\d+)\/?$/, network, 'networks'],
  [/^\/providers\/?$/, providers, 'providers'],
  [/^\/users\/?$/, users, 'users'],
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
  let me;
  try {
    me = await get('/v1/me');
  } catch (error) {
    if (error instanceof APIError && error.status === 401) return;
    replace(main, errorBox(error.message, 'Could not load your account'));
    return;
  }
  const workspace = chooseWorkspace(me.workspaces);
  drawHeader(me, workspace, route[2]);
  const [pattern, page] = route;
  const params = location.pathname.match(pattern).slice(1);
  const context = {me, workspace, params, link: (path, extra) => link(path, workspace, extra)};
  showFlash();
  replace(main, h('p', {class: 'page-loading'}, spinner('Loading'), ' Loading…'));
  try {
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
