'use strict';

(() => {
  const reasons = {
    access_denied: 'Sign-in was cancelled.',
    invalid_state: 'The sign-in link expired or was already used. Please try again.',
    missing_tokens: 'The sign-in did not return any tokens. Please try again.',
  };
  const error = new URLSearchParams(window.location.search).get('error') || 'unknown_error';
  Netra.showError(reasons[error] || 'Sign-in failed: ' + error);
})();
