// Revokes the session at the auth service (best effort), forgets the tokens, back to sign-in.
'use strict';

(async () => {
  const accessToken = Netra.getAccessToken();
  const refreshToken = Netra.getRefreshToken();
  Netra.clearTokens();
  if (accessToken) {
    try {
      const { authUrl } = await Netra.loadConfig();
      await Netra.postJson(authUrl + '/auth/logout', refreshToken ? { refresh_token: refreshToken } : {}, accessToken);
    } catch {
      // Signed out locally either way.
    }
  }
  window.location.replace('/login');
})();
