// Networks: search by name, filter by integration, organization and status, sort by column, page by cursor.
// The filters live in the URL, so a view can be bookmarked and the back button works.

import {enc, get, query} from './api.js';
import {badge, h, replace, spinner, title} from './dom.js';
import {relative, when} from './format.js';

const pageSize = 50;
const columns = [
  ['name', 'Name'],
  [null, 'Integration'],
  [null, 'Organization'],
  ['status', 'Status'],
  ['updated', 'Last changed'],
];

export async function render(main, context) {
  const {workspace} = context;
  title('Networks');
  const url = new URLSearchParams(location.search);
  const state = {
    q: url.get('q') ?? '',
    integration: url.get('integration') ?? '',
    organization: url.get('organization') ?? '',
    status: url.get('status') ?? '',
    sort: url.get('sort') ?? 'name',
  };
  const [{integrations}, {organizations}] = await Promise.all([
    get(`/v1/workspaces/${enc(workspace.name)}/integrations?counts=false`),
    get(`/v1/workspaces/${enc(workspace.name)}/organizations`),
  ]);

  const search = h('input', {id: 'network-search', type: 'search', value: state.q, placeholder: 'Search by name', autocomplete: 'off'});
  const select = (id, label, value, options) =>
    h(
      'div',
      {class: 'filter'},
      h('label', {for: id}, label),
      h('select', {id}, h('option', {value: ''}, 'All'), options.map(([v, text]) => h('option', {value: v, selected: String(v) === value}, text))),
    );
  const filters = h(
    'form',
    {class: 'filters', role: 'search', 'aria-label': 'Filter networks'},
    h('div', {class: 'filter filter-grow'}, h('label', {for: 'network-search'}, 'Search'), search),
    select('filter-integration', 'Integration', state.integration, integrations.map((i) => [i.id, i.name])),
    select('filter-organization', 'Organization', state.organization, organizations.map((o) => [o.id, `${o.id} (${o.networks})`])),
    select('filter-status', 'Status', state.status, [['active', 'Active'], ['removed', 'Removed upstream']]),
  );
  const summary = h('p', {class: 'muted', role: 'status', 'aria-live': 'polite'});
  const body = h('tbody', {});
  const head = h('tr', {});
  const more = h('button', {type: 'button', class: 'button', id: 'load-more', hidden: true}, 'Load more');
  replace(
    main,
    h('div', {class: 'page-header'}, h('div', {}, h('h1', {}, 'Networks'), h('p', {class: 'muted'}, `Every network synced into ${workspace.name}.`))),
    filters,
    h(
      'div',
      {class: 'card table-card'},
      h('table', {class: 'table', id: 'networks'}, h('caption', {class: 'visually-hidden'}, 'Networks'), h('thead', {}, head), body),
    ),
    summary,
    h('div', {class: 'pager'}, more),
  );

  let cursor = null;
  let shown = 0;
  let generation = 0;

  const drawHead = () => {
    const [key, descending] = state.sort.startsWith('-') ? [state.sort.slice(1), true] : [state.sort, false];
    replace(
      head,
      columns.map(([sortKey, label]) => {
        if (!sortKey) return h('th', {scope: 'col'}, label);
        const active = sortKey === key;
        return h(
          'th',
          {scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none'},
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              onclick: () => {
                state.sort = active && !descending ? `-${sortKey}` : sortKey;
                reload();
              },
            },
            label,
            h('span', {class: 'sort-arrow', 'aria-hidden': 'true'}, active ? (descending ? ' ↓' : ' ↑') : ' ↕'),
          ),
        );
      }),
    );
  };

  const row = (network) =>
    h(
      'tr',
      {dataset: {network: network.id}},
      h('th', {scope: 'row', 'data-label': 'Name'}, h('a', {href: context.link(`/networks/${network.id}`), class: 'network-link'}, network.name), h('span', {class: 'row-sub mono'}, network.external_id)),
      h('td', {'data-label': 'Integration'}, network.integration_name, h('span', {class: 'row-sub'}, network.provider)),
      h('td', {'data-label': 'Organization', class: 'mono'}, network.organization_id ?? '—'),
      h('td', {'data-label': 'Status'}, badge(network.provisioning_status, network.provisioning_status === 'active' ? 'ok' : 'warn')),
      h('td', {'data-label': 'Last changed'}, h('time', {datetime: network.updated_at, title: when(network.updated_at)}, relative(network.updated_at))),
    );

  const load = async () => {
    const mine = generation;
    const params = query({
      limit: pageSize,
      sort: state.sort,
      q: state.q,
      integration: state.integration,
      organization: state.organization,
      status: state.status,
      after: cursor,
    });
    more.disabled = true;
    replace(summary, spinner('Loading networks'), ' Loading…');
    const page = await get(`/v1/workspaces/${enc(workspace.name)}/networks?${params}`);
    if (mine !== generation) return;
    body.append(...page.networks.map(row));
    shown += page.networks.length;
    cursor = page.next_cursor;
    more.hidden = cursor === null;
    more.disabled = false;
    replace(summary, shown === 0 ? 'No network matches these filters.' : `Showing ${shown} network${shown === 1 ? '' : 's'}${cursor ? '; more below' : ''}.`);
  };

  const reload = () => {
    generation += 1;
    cursor = null;
    shown = 0;
    body.replaceChildren();
    const url = new URLSearchParams({workspace: workspace.name});
    for (const key of ['q', 'integration', 'organization', 'status']) if (state[key]) url.set(key, state[key]);
    if (state.sort !== 'name') url.set('sort', state.sort);
    history.replaceState(null, '', `/networks?${url}`);
    drawHead();
    load().catch((error) => replace(summary, h('span', {class: 'cell-error', role: 'alert'}, error.message)));
  };

  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.q = search.value.trim();
      reload();
    }, 200);
  });
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = search.value.trim();
    reload();
  });
  for (const [id, key] of [['filter-integration', 'integration'], ['filter-organization', 'organization'], ['filter-status', 'status']]) {
    filters.querySelector(`#${id}`).addEventListener('change', (event) => {
      state[key] = event.target.value;
      reload();
    });
  }
  more.addEventListener('click', () => load().catch((error) => replace(summary, error.message)));
  reload();
}
