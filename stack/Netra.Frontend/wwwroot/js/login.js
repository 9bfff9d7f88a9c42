'use strict';

(async () => {
  const form = document.getElementById('login-form');
  const email = document.querySelector('[data-testid="login-email"]');
  const password = document.querySelector('[data-testid="login-password"]');
  const submit = document.querySelector('[data-testid="login-submit"]');
  const google = document.querySelector('[data-testid="login-google"]');

  Netra.handleAuthForm(form, submit, async () => {
    const { authUrl } = await Netra.loadConfig();
    return Netra.postJson(authUrl + '/auth/login', { email: email.value.trim(), password: password.value });
  });

  try {
    const { authUrl } = await Netra.loadConfig();
    google.href = authUrl + '/auth/login?provider=google';
  } catch (e) {
    Netra.showError(e.message);
  }
})();
