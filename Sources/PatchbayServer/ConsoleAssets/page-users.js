// Users and tokens: the workspace's members (admins add them), your API tokens (create, revoke) and your console
// sessions (revoke any; the current one is marked).

import {APIError, del, enc, get, post} from './api.js';
import {badge, errorBox, h, replace, title, toast} from './dom.js';
import {relative, when} from './format.js';

export async function render(main, context) {
  const {workspace} = context;
  title('Users & tokens');
  const members = h('section', {class: 'card', 'aria-labelledby': 'members-title'});
  const tokens = h('section', {class: 'card', 'aria-labelledby': 'tokens-title'});
  const sessions = h('section', {class: 'card', 'aria-labelledby': 'sessions-title'});
  replace(main, h('div', {class: 'page-header'}, h('div', {}, h('h1', {}, 'Users & tokens'), h('p', {class: 'muted'}, `Who can use ${workspace?.name ?? 'Patchbay'}, and how you sign in.`))), members, tokens, sessions);
  await Promise.all([drawMembers(members, workspace), drawTokens(tokens), drawSessions(sessions)]);
}

/** "Chrome 156 on Linux" from a User-Agent, else the string itself. */
function browserName(agent) {
  if (!agent) return 'Unknown browser';
  const browser = agent.match(/(Firefox|Edg|OPR|Chrome|HeadlessChrome|Safari)\/(\d+)/);
  const system = agent.match(/\((Windows|Macintosh|X11; Linux|Linux|iPhone|iPad|Android)[^)]*\)/);
  if (!browser) return agent;
  const names = {Edg: 'Edge', OPR: 'Opera', HeadlessChrome: 'Chrome (headless)'};
  const os = system ? system[1].replace('X11; ', '') : null;
  return `${names[browser[1]] ?? browser[1]} ${browser[2]}${os ? ` on ${os}` : ''}`;
}

const time = (iso) => (iso ? h('time', {datetime: iso, title: when(iso)}, relative(iso)) : '—');

async function drawMembers(section, workspace) {
  const heading = h('h2', {id: 'members-title'}, `Members of ${workspace?.name ?? '—'}`);
  if (!workspace) return replace(section, heading, h('p', {class: 'muted'}, 'No workspace.'));
  let members;
  try {
    ({members} = await get(`/v1/workspaces/${enc(workspace.name)}/members`));
  } catch (error) {
    const message = error instanceof APIError && error.status === 403 ? 'Only admins and owners see the member list.' : error.message;
    return replace(section, heading, h('p', {class: 'muted'}, message));
  }
  const name = h('input', {id: 'member-name', type: 'text', required: true, autocomplete: 'off'});
  const role = h('select', {id: 'member-role'}, ['viewer', 'member', 'admin', 'owner'].map((r) => h('option', {value: r, selected: r === 'member'}, r)));
  const problem = h('div', {});
  const form = h(
    'form',
    {
      class: 'inline-form',
      onsubmit: async (event) => {
        event.preventDefault();
        replace(problem);
        try {
          await post(`/v1/workspaces/${enc(workspace.name)}/members`, {name: name.value.trim(), role: role.value});
          toast(`Added ${name.value.trim()}`);
          await drawMembers(section, workspace);
        } catch (error) {
          replace(problem, errorBox(error.message, 'Could not add the user'));
        }
      },
    },
    h('div', {class: 'field'}, h('label', {for: 'member-name'}, 'User name'), name),
    h('div', {class: 'field'}, h('label', {for: 'member-role'}, 'Role'), role),
    h('button', {type: 'submit', class: 'button button-primary'}, 'Add user'),
  );
  replace(
    section,
    heading,
    h(
      'table',
      {class: 'table', id: 'members'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'User'), h('th', {scope: 'col'}, 'Role'))),
      h('tbody', {}, members.map((m) => h('tr', {}, h('th', {scope: 'row', 'data-label': 'User'}, m.name), h('td', {'data-label': 'Role'}, badge(m.role, m.role === 'owner' || m.role === 'admin' ? 'info' : 'neutral'))))),
    ),
    h('h3', {}, 'Add a user'),
    h('p', {class: 'help'}, 'A new name creates the user; give them a token below (admins) or with patchbay tokens create --user.'),
    form,
    problem,
  );
}

async function drawTokens(section) {
  const {tokens} = await get('/v1/tokens');
  const name = h('input', {id: 'token-name', type: 'text', required: true, autocomplete: 'off', placeholder: 'e.g. ci'});
  const expiry = h('select', {id: 'token-expiry'}, [['', 'Never'], [86400, '1 day'], [30 * 86400, '30 days'], [365 * 86400, '1 year']].map(([v, t]) => h('option', {value: v}, t)));
  const shown = h('div', {'aria-live': 'polite'});
  const form = h(
    'form',
    {
      class: 'inline-form',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const body = {name: name.value.trim()};
          if (expiry.value) body.expires_in_seconds = Number(expiry.value);
          const issued = await post('/v1/tokens', body);
          await drawTokens(section);
          section.append(
            h(
              'div',
              {class: 'notice notice-ok'},
              h('strong', {}, `Token “${body.name}” created. Copy it now: it is not shown again.`),
              h('pre', {class: 'secret mono', tabindex: '0'}, issued.token),
            ),
          );
        } catch (error) {
          replace(shown, errorBox(error.message, 'Could not create the token'));
        }
      },
    },
    h('div', {class: 'field'}, h('label', {for: 'token-name'}, 'Name'), name),
    h('div', {class: 'field'}, h('label', {for: 'token-expiry'}, 'Expires'), expiry),
    h('button', {type: 'submit', class: 'button button-primary'}, 'Create token'),
  );
  const revoke = (token) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button button-small button-danger',
        onclick: async () => {
          try {
            await del(`/v1/tokens/${token.id}`);
            toast(`Revoked ${token.name}`);
            await drawTokens(section);
          } catch (error) {
            toast(error.message, 'error');
          }
        },
      },
      'Revoke',
    );
  replace(
    section,
    h('h2', {id: 'tokens-title'}, 'Your API tokens'),
    h(
      'table',
      {class: 'table', id: 'tokens'},
      h('thead', {}, h('tr', {}, ['Name', 'Created', 'Last used', 'Expires', 'Status', ''].map((label) => h('th', {scope: 'col'}, label)))),
      h(
        'tbody',
        {},
        tokens.map((token) =>
          h(
            'tr',
            {},
            h('th', {scope: 'row', 'data-label': 'Name'}, token.name),
            h('td', {'data-label': 'Created'}, time(token.created_at)),
            h('td', {'data-label': 'Last used'}, time(token.last_used_at)),
            h('td', {'data-label': 'Expires'}, token.expires_at ? time(token.expires_at) : 'Never'),
            h('td', {'data-label': 'Status'}, token.revoked ? badge('revoked', 'warn') : badge('active', 'ok')),
            h('td', {class: 'actions'}, token.revoked ? null : revoke(token)),
          ),
        ),
      ),
    ),
    h('h3', {}, 'Create a token'),
    form,
    shown,
  );
}

async function drawSessions(section) {
  const {sessions} = await get('/v1/sessions');
  replace(
    section,
    h('h2', {id: 'sessions-title'}, 'Your console sessions'),
    h(
      'table',
      {class: 'table', id: 'sessions'},
      h('thead', {}, h('tr', {}, ['Browser', 'Signed in', 'Last used', 'Expires', 'Status', ''].map((label) => h('th', {scope: 'col'}, label)))),
      h(
        'tbody',
        {},
        sessions.map((session) =>
          h(
            'tr',
            {},
            h('th', {scope: 'row', 'data-label': 'Browser', class: 'truncate', title: session.user_agent}, browserName(session.user_agent)),
            h('td', {'data-label': 'Signed in'}, time(session.created_at)),
            h('td', {'data-label': 'Last used'}, time(session.last_used_at)),
            h('td', {'data-label': 'Expires'}, time(session.expires_at)),
            h('td', {'data-label': 'Status'}, badge(session.status, session.status === 'active' ? 'ok' : 'neutral'), session.current ? badge('this session', 'info') : null),
            h(
              'td',
              {class: 'actions'},
              session.status === 'active'
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'button button-small button-danger',
                      onclick: async () => {
                        await del(`/v1/sessions/${session.id}`);
                        if (session.current) location.assign('/sign-in');
                        else await drawSessions(section);
                      },
                    },
                    session.current ? 'Sign out' : 'Revoke',
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}
