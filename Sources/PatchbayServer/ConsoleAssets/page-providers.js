// Providers: every plugins.yaml entry, loaded or not, with what the operator needs to trust it.

import {get} from './api.js';
import {badge, h, replace, title} from './dom.js';

export async function render(main) {
  title('Providers');
  const {providers} = await get('/v1/providers');
  const scopes = {provider: 'for the whole provider', scope: 'per organization (or other scope the plugin names)', credential: 'per API key'};
  const budget = (b) => {
    const period = b.period_ms === 1000 ? 'second' : b.period_ms >= 1000 ? `${b.period_ms / 1000} s` : `${b.period_ms} ms`;
    return `${b.requests} requests per ${period}, ${scopes[b.scope] ?? `per ${b.scope}`}`;
  };
  const tone = {loaded: 'ok', failed: 'error', disabled: 'neutral'};
  const card = (provider) => {
    const status = provider.status ?? (provider.loaded ? 'loaded' : 'failed');
    const facts = [
      ['Version', provider.version],
      ['Vendor', provider.vendor],
      ['Plugin ABI', provider.abi],
      ['Isolation', provider.isolation],
      ['Calls', provider.concurrent === undefined || provider.concurrent === null ? null : provider.concurrent ? 'concurrent' : 'one at a time'],
      ['Capabilities', provider.capabilities?.length ? h('span', {class: 'chips'}, provider.capabilities.map((c) => badge(c, 'neutral'))) : null],
      ['Allowed hosts', provider.allowed_hosts?.length ? h('ul', {class: 'plain mono'}, provider.allowed_hosts.map((host) => h('li', {}, host))) : null],
      ['Rate budgets', provider.rate_budgets?.length ? h('ul', {class: 'plain'}, provider.rate_budgets.map((b) => h('li', {}, budget(b)))) : null],
    ].filter(([, value]) => value !== null && value !== undefined && value !== '');
    return h(
      'article',
      {class: 'card provider', dataset: {provider: provider.id ?? ''}, 'aria-labelledby': `provider-${provider.id}`},
      h('div', {class: 'card-header'}, h('h2', {id: `provider-${provider.id}`}, provider.name ?? provider.id ?? 'Unknown plugin', h('span', {class: 'row-sub mono'}, provider.id ?? '')), badge(status, tone[status])),
      provider.description ? h('p', {class: 'muted'}, provider.description) : null,
      provider.error ? h('div', {class: 'notice notice-error', role: 'note'}, h('strong', {}, 'Did not load'), h('p', {}, provider.error)) : null,
      h('dl', {class: 'facts'}, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    );
  };
  replace(
    main,
    h('div', {class: 'page-header'}, h('div', {}, h('h1', {}, 'Providers'), h('p', {class: 'muted'}, 'Every plugin listed in plugins.yaml, and why any did not load.'))),
    providers.length === 0
      ? h('div', {class: 'empty'}, h('h2', {}, 'No plugins'), h('p', {class: 'muted'}, 'This server runs without a plugins file.'))
      : h('div', {class: 'cards'}, providers.map(card)),
  );
}
