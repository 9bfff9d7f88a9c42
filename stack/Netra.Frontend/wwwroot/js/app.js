// Shared helpers of every page: service addresses, tokens, calls to the auth service, the error banner.
// Everything user- or server-supplied is put on the page with textContent, never as HTML.
'use strict';

const Netra = (() => {
  const ACCESS_KEY = 'jwt_token';
  const REFRESH_KEY = 'refresh_token';
  const REFRESH_MARGIN_MS = 60 * 1000; // refresh this long before the access token expires

  let configPromise = null;
  let refreshTimer = null;

  /** {authUrl, backendUrl, wsUrl} from the frontend server (fetched once per page). */
  function loadConfig() {
    configPromise ??= fetch('/config.json', { cache: 'no-store' }).then((r) => {
      if (!r.ok) throw new Error('Could not load /config.json (HTTP ' + r.status + ')');
      return r.json();
    });
    return configPromise;
  }

  const getAccessToken = () => localStorage.getItem(ACCESS_KEY);
  const getRefreshToken = () => localStorage.getItem(REFRESH_KEY);

  function storeTokens(body) {
    if (body.access_token) localStorage.setItem(ACCESS_KEY, body.access_token);
    if (body.refresh_token) localStorage.setItem(REFRESH_KEY, body.refresh_token);
  }

  function clearTokens() {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
  }

  /** base64url without padding, as the backend expects in the `jwt.<token>` WebSocket subprotocol. */
  function base64url(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** The claims of a JWT (unverified: only used to plan the refresh), or null. */
  function decodeClaims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
      return JSON.parse(json);
    } catch {
      return null;
    }
  }

  /**
   * POST JSON; resolves to {ok, status, body} and never throws. A network failure has status 0 and a
   * problem-shaped body, so callers can always show body.detail.
   */
  async function postJson(url, payload, accessToken) {
    const headers = { 'Content-Type': 'application/json' };
    if (accessToken) headers.Authorization = 'Bearer ' + accessToken;
    try {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload ?? {}) });
      const text = await response.text();
      let body = {};
      try { body = text ? JSON.parse(text) : {}; } catch { body = { detail: text }; }
      return { ok: response.ok, status: response.status, body };
    } catch {
      return { ok: false, status: 0, body: { detail: 'The service at ' + new URL(url).origin + ' is unavailable right now. Please try again in a moment.' } };
    }
  }

  /** The most useful text of a problem+json answer. */
  function problemText(result, fallback) {
    const b = result.body || {};
    if (typeof b.detail === 'string' && b.detail) return b.detail;
    if (Array.isArray(b.detail)) return b.detail.map((d) => d.msg || JSON.stringify(d)).join('; ');
    return b.title || fallback || 'Request failed (HTTP ' + result.status + ').';
  }

  function banner() { return document.querySelector('[data-testid="error-banner"]'); }

  /**
   * Shows a message in the page's one error banner (as text). `topic` names what it is about
   * (e.g. 'connection'), so that clearError(topic) later removes only that notice and never one
   * about something else.
   */
  function showError(message, topic) {
    const el = banner();
    if (!el) return;
    el.textContent = message;
    el.dataset.topic = topic || 'general';
    el.hidden = false;
  }

  /** Hides the banner; with a topic, only if the banner currently shows a notice on that topic. */
  function clearError(topic) {
    const el = banner();
    if (!el) return;
    if (topic && el.dataset.topic !== topic) return;
    el.textContent = '';
    delete el.dataset.topic;
    el.hidden = true;
  }

  /** Exchanges the refresh token for new tokens. Resolves true on success. */
  async function refreshTokens() {
    const refreshToken = getRefreshToken();
    if (!refreshToken) return false;
    const { authUrl } = await loadConfig();
    const result = await postJson(authUrl + '/auth/refresh', { refresh_token: refreshToken });
    if (!result.ok || !result.body.access_token) return false;
    storeTokens(result.body);
    scheduleRefresh();
    return true;
  }

  /** Refreshes the access token shortly before it expires, so an open chat keeps working. */
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    const claims = decodeClaims(getAccessToken() || '');
    if (!claims || typeof claims.exp !== 'number' || !getRefreshToken()) return;
    const delay = Math.max(claims.exp * 1000 - Date.now() - REFRESH_MARGIN_MS, 5000);
    refreshTimer = setTimeout(refreshTokens, delay);
  }

  /** Wires a login/signup form: disables the button while the call runs, stores tokens and opens the chat. */
  function handleAuthForm(form, submit, call) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearError();
      submit.disabled = true;
      try {
        const result = await call();
        if (result.ok && result.body.access_token) {
          storeTokens(result.body);
          window.location.assign('/chat');
          return;
        }
        showError(problemText(result, 'Something went wrong. Please try again.'));
      } catch (e) {
        showError(e.message);
      } finally {
        submit.disabled = false;
      }
    });
  }

  return {
    loadConfig, getAccessToken, getRefreshToken, storeTokens, clearTokens, base64url, decodeClaims,
    postJson, problemText, showError, clearError, refreshTokens, scheduleRefresh, handleAuthForm,
  };
})();
