// One network: its fields, the provider's full object as formatted JSON (as text), and its sync history.

import {get} from './api.js';
import {badge, h, replace, title} from './dom.js';
import {count, duration, relative, when} from './format.js';
import {figures, statusBadge} from './page-integrations.js';

export async function render(main, context) {
  const [id] = context.params;
  const network = await get(`/v1/networks/${id}`);
  title(network.name);
  const {syncs} = await get(`/v1/integrations/${network.integration_id}/syncs?limit=20`);
  const facts = [
    ['Status', badge(network.provisioning_status, network.provisioning_status === 'active' ? 'ok' : 'warn')],
    ['Integration', h('a', {href: context.link('/networks', {integration: network.integration_id})}, network.integration_name)],
    ['Provider', network.provider],
    ['Provider id', h('span', {class: 'mono'}, network.external_id)],
    ['Organization', h('span', {class: 'mono'}, network.organization_id ?? '—')],
    ['First seen', h('time', {datetime: network.created_at}, when(network.created_at))],
    ['Last changed', h('time', {datetime: network.updated_at}, when(network.updated_at))],
    ['Last seen', h('time', {datetime: network.last_seen_at}, when(network.last_seen_at))],
  ];
  const config = JSON.stringify(network.config, null, 2);
  const copy = h(
    'button',
    {
      type: 'button',
      class: 'button button-small',
      onclick: async () => {
        await navigator.clipboard?.writeText(config);
        replace(copy, 'Copied');
      },
    },
    'Copy JSON',
  );
  const between = (run, iso) => {
    const at = new Date(iso).getTime();
    return new Date(run.started_at).getTime() <= at && at <= new Date(run.finished_at ?? Date.now()).getTime() + 1000;
  };
  replace(
    main,
    h(
      'div',
      {class: 'page-header'},
      h('div', {}, h('p', {class: 'crumbs'}, h('a', {href: context.link('/networks')}, 'Networks'), ' / ', network.integration_name), h('h1', {id: 'network-name'}, network.name)),
    ),
    h('div', {class: 'grid-2'},
      h('section', {class: 'card', 'aria-labelledby': 'facts-title'}, h('h2', {id: 'facts-title'}, 'Details'), h('dl', {class: 'facts'}, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]))),
      h(
        'section',
        {class: 'card', 'aria-labelledby': 'history-title'},
        h('h2', {id: 'history-title'}, 'Sync history'),
        h('p', {class: 'help'}, `Runs of ${network.integration_name}; marked where this network was created or last changed.`),
        syncs.length === 0
          ? h('p', {class: 'muted'}, 'No sync has run yet.')
          : h(
              'ol',
              {class: 'timeline'},
              syncs.map((run) =>
                h(
                  'li',
                  {},
                  statusBadge(run.status),
                  ' ',
                  h('time', {datetime: run.started_at, title: when(run.started_at)}, relative(run.started_at)),
                  ' ',
                  figures(run),
                  ` · ${duration(run.duration_ms)}`,
                  between(run, network.created_at) ? h('span', {class: 'badge badge-info'}, 'created here') : null,
                  !between(run, network.created_at) && between(run, network.updated_at) ? h('span', {class: 'badge badge-info'}, 'changed here') : null,
                  run.error ? h('div', {class: 'cell-error'}, run.error) : null,
                ),
              ),
            ),
      ),
    ),
    h(
      'section',
      {class: 'card', 'aria-labelledby': 'config-title'},
      h('div', {class: 'card-header'}, h('h2', {id: 'config-title'}, 'Configuration'), copy),
      h('p', {class: 'help'}, `The provider's full object as of the last sync (${count(config.length)} characters).`),
      h('pre', {class: 'json', id: 'network-config', tabindex: '0', 'aria-label': 'Configuration JSON'}, config),
    ),
  );
}
