// Google sign-in ends here with the tokens in the URL fragment (never sent to a server).
'use strict';

(() => {
  const params = new URLSearchParams(window.location.hash.slice(1));
  // Drop the fragment from the address bar and history at once.
  history.replaceState(null, '', window.location.pathname);
  const accessToken = params.get('access_token');
  if (!accessToken) {
    window.location.replace('/auth/error?error=' + encodeURIComponent(params.get('error') || 'missing_tokens'));
    return;
  }
  Netra.storeTokens({ access_token: accessToken, refresh_token: params.get('refresh_token') });
  window.location.replace('/chat');
})();
