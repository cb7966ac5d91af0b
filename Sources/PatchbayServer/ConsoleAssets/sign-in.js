// Sign-in: the pasted API token is exchanged at POST /v1/sessions for an HttpOnly session cookie. The token is
// sent once and never stored by the page (not in localStorage, not in sessionStorage, not in a cookie it can read).

import {api} from './api.js';
import {replace} from './dom.js';

const form = document.getElementById('sign-in-form');
const input = document.getElementById('token');
const problem = document.getElementById('sign-in-error');
const button = form.querySelector('button[type=submit]');

/** Where to go after signing in: a console path from `?next=`, never another site. */
function destination() {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/integrations';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = input.value.trim();
  if (!token) {
    replace(problem, 'Paste an API token to sign in.');
    problem.hidden = false;
    input.focus();
    return;
  }
  button.disabled = true;
  replace(button, 'Signing in…');
  try {
    await api('POST', '/v1/sessions', {token});
    input.value = '';
    location.assign(destination());
  } catch (error) {
    replace(problem, error.message);
    problem.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    button.disabled = false;
    replace(button, 'Sign in');
  }
});
