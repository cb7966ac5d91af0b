// The sync runs of one integration, newest first, with their figures and errors.

import {get} from './api.js';
import {h, replace, title} from './dom.js';
import {count, duration, relative, when} from './format.js';
import {statusBadge} from './page-integrations.js';

export async function render(main, context) {
  const [id] = context.params;
  const [integration, {syncs}] = await Promise.all([get(`/v1/integrations/${id}`), get(`/v1/integrations/${id}/syncs?limit=100`)]);
  title(`Sync runs of ${integration.name}`);
  const header = h(
    'div',
    {class: 'page-header'},
    h('div', {}, h('p', {class: 'crumbs'}, h('a', {href: context.link('/integrations')}, 'Integrations'), ' / ', integration.name), h('h1', {}, 'Sync runs'), h('p', {class: 'muted'}, `${integration.name} · ${integration.provider}`)),
    h('a', {class: 'button', href: context.link('/networks', {integration: id})}, 'Its networks'),
  );
  if (syncs.length === 0) {
    replace(main, header, h('div', {class: 'empty'}, h('h2', {}, 'No sync yet'), h('p', {class: 'muted'}, 'Start one with Sync now on the Integrations page.')));
    return;
  }
  const number = (value, label) => h('td', {class: 'num', 'data-label': label}, count(value));
  replace(
    main,
    header,
    h(
      'div',
      {class: 'card table-card'},
      h(
        'table',
        {class: 'table', id: 'syncs'},
        h('caption', {class: 'visually-hidden'}, `Sync runs of ${integration.name}`),
        h('thead', {}, h('tr', {}, ['Run', 'Status', 'Trigger', 'Started', 'Duration', 'Created', 'Updated', 'Unchanged', 'Removed'].map((label) => h('th', {scope: 'col'}, label)))),
        h(
          'tbody',
          {},
          syncs.map((run) => [
            h(
              'tr',
              {dataset: {run: run.id}},
              h('th', {scope: 'row', 'data-label': 'Run', class: 'mono'}, `#${run.id}`),
              h('td', {'data-label': 'Status'}, statusBadge(run.status)),
              h('td', {'data-label': 'Trigger'}, run.trigger ?? 'manual'),
              h('td', {'data-label': 'Started'}, h('time', {datetime: run.started_at, title: when(run.started_at)}, relative(run.started_at))),
              h('td', {'data-label': 'Duration'}, duration(run.duration_ms)),
              number(run.created, 'Created'),
              number(run.updated, 'Updated'),
              number(run.unchanged, 'Unchanged'),
              number(run.removed, 'Removed'),
            ),
            run.error ? h('tr', {class: 'error-row'}, h('td', {colspan: 9}, h('span', {class: 'cell-error'}, run.error))) : null,
          ]),
        ),
      ),
    ),
  );
}
