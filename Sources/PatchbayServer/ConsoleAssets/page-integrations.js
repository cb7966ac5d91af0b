// Integrations of a workspace: one row each, whose counts and last sync load on their own (a slow or failing
// provider affects only its row), with sync now (live progress, cancel) and delete (type the name to confirm).

import {APIError, del, enc, get, post, serverFeatures} from './api.js';
import {badge, errorBox, h, replace, spinner, title, toast} from './dom.js';
import {count, duration, interval, relative, span, when} from './format.js';

const canManage = (workspace) => ['admin', 'owner'].includes(workspace?.role);
const canSync = (workspace) => ['member', 'admin', 'owner'].includes(workspace?.role);

export async function render(main, context) {
  const {workspace} = context;
  title('Integrations');
  if (!workspace) {
    replace(main, errorBox('You belong to no workspace yet; ask an owner to add you.', 'No workspace'));
    return;
  }
  const {integrations} = await get(`/v1/workspaces/${enc(workspace.name)}/integrations?counts=false`);
  const heading = h(
    'div',
    {class: 'page-header'},
    h('div', {}, h('h1', {}, 'Integrations'), h('p', {class: 'muted'}, `Provider accounts connected to ${workspace.name}.`)),
    canManage(workspace) ? h('a', {class: 'button button-primary', href: context.link('/integrations/new')}, 'Add integration') : null,
  );
  if (integrations.length === 0) {
    replace(
      main,
      heading,
      h(
        'div',
        {class: 'empty'},
        h('h2', {}, 'No integrations yet'),
        h('p', {class: 'muted'}, 'Connect a provider account to see its networks and access points here.'),
        canManage(workspace) ? h('a', {class: 'button button-primary', href: context.link('/integrations/new')}, 'Add integration') : null,
      ),
    );
    return;
  }
  const body = h('tbody', {});
  const table = h(
    'table',
    {class: 'table', id: 'integrations'},
    h('caption', {class: 'visually-hidden'}, `Integrations of ${workspace.name}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Name', 'Networks', 'Access points', 'Sync interval', 'Last sync', 'Next sync'].map((label) => h('th', {scope: 'col'}, label)),
        h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')),
      ),
    ),
    body,
  );
  const summary = new Summary(integrations.length);
  replace(main, heading, summary.element, h('div', {class: 'card table-card'}, table));
  for (const integration of integrations) {
    const row = new IntegrationRow(integration, context, summary);
    body.append(row.element, row.progress);
    row.load();
  }
}

/** Totals over the rows, filled in as each row's counts and last sync arrive. */
class Summary {
  constructor(total) {
    this.rows = new Map();
    this.values = {};
    const stat = (key, label) => {
      this.values[key] = h('span', {class: 'stat-value'}, key === 'integrations' ? String(total) : '…');
      return h('div', {class: 'stat', dataset: {stat: key}}, this.values[key], h('span', {class: 'stat-label'}, label));
    };
    this.element = h(
      'section',
      {class: 'stats', 'aria-label': 'Totals'},
      stat('integrations', total === 1 ? 'Integration' : 'Integrations'),
      stat('networks', 'Networks'),
      stat('access-points', 'Access points'),
      stat('attention', 'Need attention'),
    );
    this.total = total;
  }

  /** One row's latest state: counts (or null when they failed) and whether it needs attention. */
  report(id, state) {
    this.rows.set(id, {...this.rows.get(id), ...state});
    const rows = [...this.rows.values()];
    const known = rows.filter((row) => row.counts);
    if (known.length > 0) {
      replace(this.values.networks, count(known.reduce((sum, row) => sum + row.counts.networks, 0)));
      replace(this.values['access-points'], count(known.reduce((sum, row) => sum + row.counts.access_points, 0)));
    }
    const attention = rows.filter((row) => row.countsFailed || row.syncFailed).length;
    replace(this.values.attention, String(attention));
    this.values.attention.parentElement.classList.toggle('stat-alert', attention > 0);
  }
}

class IntegrationRow {
  constructor(integration, context, summary) {
    this.summary = summary;
    this.integration = integration;
    this.context = context;
    this.networks = h('td', {class: 'num', 'data-label': 'Networks'});
    this.accessPoints = h('td', {class: 'num', 'data-label': 'Access points'});
    this.lastSync = h('td', {'data-label': 'Last sync'});
    this.nextSync = h('td', {'data-label': 'Next sync'}, nextSync(integration));
    this.syncButton = h('button', {type: 'button', class: 'button button-small', onclick: () => this.syncNow()}, 'Sync now');
    this.syncButton.disabled = !canSync(context.workspace);
    const actions = h(
      'td',
      {class: 'actions'},
      this.syncButton,
      h('a', {class: 'button button-small button-quiet', href: context.link(`/integrations/${integration.id}/syncs`)}, 'Runs'),
      canManage(context.workspace)
        ? h('button', {type: 'button', class: 'button button-small button-danger', onclick: () => this.confirmDelete()}, 'Delete')
        : null,
    );
    this.element = h(
      'tr',
      {dataset: {integration: integration.id}},
      h(
        'th',
        {scope: 'row', 'data-label': 'Name'},
        h('span', {class: 'row-title'}, integration.name),
        h('span', {class: 'row-sub'}, badge(integration.provider, 'neutral')),
      ),
      this.networks,
      this.accessPoints,
      h('td', {'data-label': 'Sync interval'}, interval(integration.sync_interval_seconds)),
      this.lastSync,
      this.nextSync,
      actions,
    );
    this.progressCell = h('td', {colspan: 7});
    this.progress = h('tr', {class: 'progress-row', hidden: true}, this.progressCell);
  }

  async load(refresh = false) {
    this.networks.colSpan = 1;
    this.networks.dataset.label = 'Networks';
    this.accessPoints.hidden = false;
    replace(this.networks, spinner(`Loading counts of ${this.integration.name}`));
    replace(this.accessPoints, spinner(`Loading access points of ${this.integration.name}`));
    replace(this.lastSync, spinner('Loading last sync'));
    await Promise.all([this.loadCounts(refresh), this.loadLastSync()]);
  }

  async loadCounts(refresh) {
    try {
      const answer = await get(`/v1/integrations/${this.integration.id}/counts${refresh ? '?refresh=true' : ''}`);
      if (answer.counts) {
        const age = answer.counts_age_seconds ?? 0;
        const note = h('span', {class: 'row-sub', title: 'Counts are cached for a minute'}, age < 5 ? 'live' : `${span(age)} old`);
        replace(this.networks, h('span', {class: 'count', dataset: {count: 'networks'}}, count(answer.counts.networks)), note);
        replace(this.accessPoints, h('span', {class: 'count', dataset: {count: 'access-points'}}, count(answer.counts.access_points)));
        this.summary.report(this.integration.id, {counts: answer.counts, countsFailed: false});
      } else {
        this.countsFailed(answer.counts_error ?? 'The provider did not report counts.');
      }
    } catch (error) {
      this.countsFailed(error.message);
    }
  }

  countsFailed(message) {
    this.summary.report(this.integration.id, {counts: null, countsFailed: true});
    // The cause gets both count columns: it is the row's most important fact.
    this.networks.colSpan = 2;
    this.networks.dataset.label = 'Counts';
    this.accessPoints.hidden = true;
    replace(this.networks, h('span', {class: 'cell-error', role: 'note'}, h('span', {class: 'badge badge-error'}, 'Error'), ' ', message));
  }

  async loadLastSync() {
    try {
      const {syncs} = await get(`/v1/integrations/${this.integration.id}/syncs?limit=1`);
      replace(this.lastSync, describeRun(syncs[0]));
      this.summary.report(this.integration.id, {syncFailed: syncs[0]?.status === 'failed'});
      if (syncs[0]?.status === 'running' || syncs[0]?.status === 'queued') this.follow(syncs[0].id);
    } catch (error) {
      replace(this.lastSync, h('span', {class: 'cell-error'}, error.message));
    }
  }

  async syncNow() {
    this.syncButton.disabled = true;
    try {
      const started = await post(`/v1/integrations/${this.integration.id}/syncs`);
      this.follow(started.run_id ?? started.id);
    } catch (error) {
      if (error instanceof APIError && error.status === 409 && error.body?.error?.run_id) {
        this.follow(error.body.error.run_id);
        return;
      }
      this.syncButton.disabled = false;
      toast(error.message, 'error');
    }
  }

  /** Polls the run until it ends, showing its progress under the row. */
  async follow(runID) {
    this.syncButton.disabled = true;
    this.progress.hidden = false;
    const status = h('span', {class: 'progress-text', role: 'status', 'aria-live': 'polite'});
    const features = await serverFeatures();
    const cancel = features.cancelSync
      ? h('button', {type: 'button', class: 'button button-small button-danger', id: `cancel-${runID}`, onclick: () => this.cancel(runID, cancel)}, 'Cancel')
      : null;
    const bar = h('div', {class: 'progress-bar', role: 'progressbar', 'aria-label': `Sync of ${this.integration.name}`}, h('span', {}));
    replace(this.progressCell, h('div', {class: 'progress'}, bar, status, cancel));
    const started = Date.now();
    for (;;) {
      let run;
      try {
        run = await get(`/v1/syncs/${runID}`);
      } catch (error) {
        replace(status, error.message);
        break;
      }
      const elapsed = Math.round((Date.now() - started) / 1000);
      if (run.status === 'running' || run.status === 'queued') {
        replace(status, `${run.status === 'queued' ? 'Queued' : 'Syncing'} ${this.integration.name}… ${elapsed} s`, figures(run));
        await new Promise((resolve) => setTimeout(resolve, 400));
        continue;
      }
      this.progress.hidden = true;
      this.syncButton.disabled = !canSync(this.context.workspace);
      const tone = run.status === 'succeeded' ? 'ok' : 'error';
      toast(`Sync of ${this.integration.name} ${run.status}${run.error ? `: ${run.error}` : ''}`, tone);
      replace(this.lastSync, describeRun(run));
      this.summary.report(this.integration.id, {syncFailed: run.status === 'failed'});
      this.loadCounts(true);
      return;
    }
    this.syncButton.disabled = !canSync(this.context.workspace);
  }

  async cancel(runID, button) {
    button.disabled = true;
    replace(button, 'Cancelling…');
    try {
      await del(`/v1/syncs/${runID}`);
    } catch (error) {
      toast(error.message, 'error');
      button.disabled = false;
      replace(button, 'Cancel');
    }
  }

  confirmDelete() {
    const name = this.integration.name;
    const input = h('input', {id: 'confirm-name', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'confirm-help'});
    const confirm = h('button', {type: 'submit', class: 'button button-danger', disabled: true}, 'Delete integration');
    const problem = h('p', {class: 'field-error', role: 'alert', hidden: true});
    input.addEventListener('input', () => {
      confirm.disabled = input.value !== name;
    });
    const dialog = h(
      'dialog',
      {class: 'dialog', 'aria-labelledby': 'delete-title'},
      h(
        'form',
        {
          method: 'dialog',
          onsubmit: async (event) => {
            event.preventDefault();
            if (input.value !== name) return;
            confirm.disabled = true;
            try {
              await del(`/v1/integrations/${this.integration.id}`);
              dialog.close();
              dialog.remove();
              this.element.remove();
              this.progress.remove();
              toast(`Deleted ${name}`);
            } catch (error) {
              replace(problem, error.message);
              problem.hidden = false;
              confirm.disabled = false;
            }
          },
        },
        h('h2', {id: 'delete-title'}, 'Delete integration'),
        h('p', {}, 'This deletes ', h('strong', {}, name), ' with its stored credentials, its networks and its sync history. It cannot be undone.'),
        h('label', {for: 'confirm-name'}, 'Type the integration’s name to confirm'),
        input,
        h('p', {id: 'confirm-help', class: 'help'}, 'Expected: ', h('code', {}, name)),
        problem,
        h(
          'div',
          {class: 'dialog-actions'},
          h('button', {type: 'button', class: 'button button-quiet', onclick: () => { dialog.close(); dialog.remove(); }}, 'Keep it'),
          confirm,
        ),
      ),
    );
    document.body.append(dialog);
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
    input.focus();
  }
}

/** The figures of a run: +created ~updated −removed. */
export function figures(run) {
  return h(
    'span',
    {class: 'figures'},
    h('span', {class: 'figure-created', title: 'Created'}, `+${count(run.created)}`),
    h('span', {class: 'figure-updated', title: 'Updated'}, `~${count(run.updated)}`),
    h('span', {class: 'figure-removed', title: 'Removed'}, `−${count(run.removed)}`),
  );
}

export function statusBadge(status) {
  const tones = {succeeded: 'ok', running: 'info', queued: 'info', failed: 'error', cancelled: 'warn', abandoned: 'warn'};
  return badge(status, tones[status] ?? 'neutral');
}

function describeRun(run) {
  if (!run) return h('span', {class: 'muted'}, 'Never synced');
  return h(
    'div',
    {class: 'last-sync'},
    h('div', {}, statusBadge(run.status), ' ', h('time', {datetime: run.finished_at ?? run.started_at, title: when(run.finished_at ?? run.started_at)}, relative(run.finished_at ?? run.started_at))),
    h('div', {class: 'row-sub'}, figures(run), run.duration_ms !== null && run.duration_ms !== undefined ? ` · ${duration(run.duration_ms)}` : null),
    run.error ? h('div', {class: 'cell-error'}, run.error) : null,
  );
}

function nextSync(integration) {
  if (integration.next_sync_at) {
    return h('time', {datetime: integration.next_sync_at, title: when(integration.next_sync_at)}, relative(integration.next_sync_at));
  }
  return h('span', {class: 'muted'}, integration.sync_interval_seconds ? '—' : 'On demand');
}
