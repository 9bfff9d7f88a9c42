'use strict';

(() => {
  const form = document.getElementById('signup-form');
  const name = document.querySelector('[data-testid="signup-name"]');
  const email = document.querySelector('[data-testid="signup-email"]');
  const password = document.querySelector('[data-testid="signup-password"]');
  const submit = document.querySelector('[data-testid="signup-submit"]');

  Netra.handleAuthForm(form, submit, async () => {
    const { authUrl } = await Netra.loadConfig();
    const body = { email: email.value.trim(), password: password.value };
    if (name.value.trim()) body.name = name.value.trim();
    return Netra.postJson(authUrl + '/auth/register', body);
  });
})();
