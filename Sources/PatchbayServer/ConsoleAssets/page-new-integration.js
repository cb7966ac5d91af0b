// Add integration: a form drawn from the provider's descriptor. Secret credential fields are password inputs;
// settings show their defaults and descriptions; "Validate" asks the provider first and shows what the key sees.

import {enc, get, post, serverFeatures} from './api.js';
import {badge, errorBox, h, replace, spinner, title} from './dom.js';
import {interval} from './format.js';

const intervals = [0, 300, 900, 3600, 6 * 3600, 86400];

export async function render(main, context) {
  const {workspace} = context;
  title('Add integration');
  const [{providers}, features] = await Promise.all([get('/v1/providers'), serverFeatures()]);
  const loaded = providers.filter((provider) => provider.loaded);
  const header = h(
    'div',
    {class: 'page-header'},
    h('div', {}, h('p', {class: 'crumbs'}, h('a', {href: context.link('/integrations')}, 'Integrations'), ' / Add'), h('h1', {}, 'Add integration')),
  );
  if (!['admin', 'owner'].includes(workspace?.role)) {
    replace(main, header, errorBox(`Your role in ${workspace?.name ?? 'this workspace'} cannot add integrations; ask an admin.`, 'Not allowed'));
    return;
  }
  if (loaded.length === 0) {
    replace(main, header, errorBox('No provider plugin is loaded; the Providers page says why.', 'No providers'));
    return;
  }
  const providerSelect = h(
    'select',
    {id: 'provider', name: 'provider', required: true},
    loaded.map((provider) => h('option', {value: provider.id}, `${provider.name ?? provider.id} (${provider.vendor ?? 'unknown vendor'})`)),
  );
  const fields = h('div', {class: 'provider-fields'});
  const result = h('div', {class: 'validation', 'aria-live': 'polite'});
  const problem = h('div', {'aria-live': 'assertive'});
  const name = h('input', {id: 'name', name: 'name', type: 'text', required: true, autocomplete: 'off', placeholder: 'e.g. Headquarters'});
  const intervalSelect = h(
    'select',
    {id: 'sync-interval', name: 'sync_interval_seconds', disabled: !features.syncInterval, 'aria-describedby': 'sync-interval-help'},
    intervals.map((seconds) => h('option', {value: seconds, selected: seconds === 0}, interval(seconds))),
  );
  const validateButton = h('button', {type: 'button', class: 'button', id: 'validate'}, 'Validate credentials');
  const createButton = h('button', {type: 'submit', class: 'button button-primary', id: 'create'}, 'Create integration');
  const form = h(
    'form',
    {class: 'card form', id: 'integration-form', novalidate: true},
    h('div', {class: 'field'}, h('label', {for: 'provider'}, 'Provider'), providerSelect),
    h('div', {class: 'field'}, h('label', {for: 'name'}, 'Name'), name, h('p', {class: 'help'}, 'How this account is called in Patchbay; unique in the workspace.')),
    fields,
    h(
      'div',
      {class: 'field'},
      h('label', {for: 'sync-interval'}, 'Sync interval'),
      intervalSelect,
      h(
        'p',
        {class: 'help', id: 'sync-interval-help'},
        features.syncInterval ? 'How often Patchbay syncs this account on its own.' : 'This server syncs on demand only (Sync now); scheduled syncs come with the sync engine.',
      ),
    ),
    result,
    problem,
    h('div', {class: 'form-actions'}, validateButton, createButton),
  );
  const draw = () => drawFields(fields, loaded.find((provider) => provider.id === providerSelect.value));
  providerSelect.addEventListener('change', () => {
    draw();
    replace(result);
  });
  draw();

  const collect = () => {
    const provider = loaded.find((p) => p.id === providerSelect.value);
    const credentials = {};
    for (const field of provider.credential_fields ?? []) {
      const value = form.querySelector(`[name="credential:${CSS.escape(field.name)}"]`).value;
      if (value !== '') credentials[field.name] = value;
    }
    const settings = {};
    for (const field of provider.settings ?? []) {
      const value = form.querySelector(`[name="setting:${CSS.escape(field.name)}"]`).value.trim();
      if (value !== '') settings[field.name] = value;
    }
    return {provider: provider.id, credentials, settings};
  };

  validateButton.addEventListener('click', async () => {
    replace(problem);
    replace(result, h('p', {class: 'muted'}, spinner('Validating'), ' Asking the provider…'));
    validateButton.disabled = true;
    try {
      const check = await post(`/v1/workspaces/${enc(workspace.name)}/integrations/validate`, collect());
      replace(
        result,
        h(
          'div',
          {class: 'notice notice-ok', id: 'validation-result'},
          h('strong', {}, 'The provider accepts these credentials.'),
          check.account ? h('p', {}, 'Acting as ', h('span', {class: 'account'}, check.account)) : null,
          h('p', {}, `Organizations it sees (${check.organizations.length}):`),
          h('ul', {class: 'organizations'}, check.organizations.map((org) => h('li', {}, org.name, ' ', h('span', {class: 'muted'}, org.id)))),
        ),
      );
    } catch (error) {
      replace(result, errorBox(error.message, 'The provider refused'));
    } finally {
      validateButton.disabled = false;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(problem);
    if (!name.value.trim()) {
      replace(problem, errorBox('Give the integration a name.', 'Missing name'));
      name.focus();
      return;
    }
    createButton.disabled = true;
    replace(createButton, 'Creating…');
    const body = {...collect(), name: name.value.trim()};
    // 0 is "manual": the API takes no interval at all for that (its minimum is 1 s).
    if (features.syncInterval && Number(intervalSelect.value) > 0) body.sync_interval_seconds = Number(intervalSelect.value);
    try {
      await post(`/v1/workspaces/${enc(workspace.name)}/integrations`, body);
      sessionStorage.setItem('flash', `Created ${body.name}`);
      location.assign(context.link('/integrations'));
    } catch (error) {
      replace(problem, errorBox(error.message, 'Could not create the integration'));
      createButton.disabled = false;
      replace(createButton, 'Create integration');
    }
  });

  replace(main, header, form);
  name.focus();
}

/** The provider's credential fields and settings as labelled inputs. */
function drawFields(container, provider) {
  const credential = (field) => {
    const id = `credential-${field.name}`;
    return h(
      'div',
      {class: 'field'},
      h('label', {for: id}, field.label || field.name, field.required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null, field.secret ? ' ' : null, field.secret ? badge('secret', 'neutral') : null),
      h('input', {
        id,
        name: `credential:${field.name}`,
        type: field.secret ? 'password' : 'text',
        autocomplete: field.secret ? 'new-password' : 'off',
        spellcheck: 'false',
        required: field.required,
        'aria-required': field.required ? 'true' : null,
        'aria-describedby': field.description ? `${id}-help` : null,
      }),
      field.description ? h('p', {class: 'help', id: `${id}-help`}, field.description) : null,
    );
  };
  const setting = (field) => {
    const id = `setting-${field.name}`;
    return h(
      'div',
      {class: 'field'},
      h('label', {for: id}, field.label || field.name),
      h('input', {
        id,
        name: `setting:${field.name}`,
        type: field.secret ? 'password' : 'text',
        spellcheck: 'false',
        placeholder: field.default ?? '',
        'aria-describedby': `${id}-help`,
      }),
      h('p', {class: 'help', id: `${id}-help`}, field.description ?? '', field.default ? h('span', {}, field.description ? ' Default: ' : 'Default: ', h('code', {}, field.default)) : null),
    );
  };
  replace(
    container,
    h('fieldset', {}, h('legend', {}, 'Credentials'), (provider.credential_fields ?? []).map(credential)),
    provider.settings?.length
      ? h('fieldset', {}, h('legend', {}, 'Settings'), h('p', {class: 'help'}, 'Leave a setting empty to use its default.'), provider.settings.map(setting))
      : null,
  );
}
