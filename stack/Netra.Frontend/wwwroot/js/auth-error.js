'use strict';

(() => {
  const reasons = {
    access_denied: 'Sign-in was cancelled.',
    invalid_state: 'The sign-in link expired or was already used. Please try again.',
    missing_tokens: 'The sign-in did not return any tokens. Please try again.',
    invalid_grant: 'The sign-in could not be completed: its code was already used or has expired. Please try again.',
    invalid_nonce: 'The sign-in could not be verified. Please try again.',
    invalid_id_token: 'The sign-in could not be verified. Please try again.',
    email_not_verified: 'Your Google email address is not verified, so it cannot be used to sign in.',
    provider_unavailable: 'Google sign-in is unavailable right now. Please try again shortly.',
  };
  const error = new URLSearchParams(window.location.search).get('error') || 'unknown_error';
  Netra.showError(reasons[error] || 'Sign-in failed: ' + error);
})();
