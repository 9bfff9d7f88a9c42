// The chat page: one WebSocket to the backend, user messages out, agent events in.
'use strict';

(async () => {
  if (!Netra.getAccessToken()) {
    window.location.replace('/login');
    return;
  }

  const MAX_FRAME_BYTES = 8 * 1024; // the backend refuses larger WebSocket messages
  const MAX_RECONNECT_DELAY_MS = 30 * 1000;
  // What the error banner says while the chat connection is down; cleared once it is back.
  const CONNECTION = 'connection';
  const CHAT_UNAVAILABLE =
    'The chat service is unavailable right now. We are reconnecting… Your conversation is safe: ' +
    'you can go on as soon as the chat is connected again.';
  const NOT_SENT =
    'The chat service is unavailable right now, so your message was not sent. It is still in the box: ' +
    'send it again once the chat is connected.';

  const messages = document.getElementById('messages');
  const form = document.getElementById('composer');
  const input = document.querySelector('[data-testid="message-input"]');
  const sendButton = document.querySelector('[data-testid="send-button"]');
  const connectionStatus = document.querySelector('[data-testid="connection-status"]');
  const agentStatus = document.querySelector('[data-testid="agent-status"]');
  const newChat = document.getElementById('new-chat');

  let config;
  try {
    config = await Netra.loadConfig();
  } catch (e) {
    Netra.showError(e.message);
    return;
  }

  let socket = null;
  let threadId = null;
  let awaitingAnswer = false; // a question was sent and its run has not ended on screen yet
  let lastQuestion = null;
  let dropped = false;        // the connection was lost since the last connection_established
  let attempt = 0;          // reconnect attempts since the last successful connection
  let authFailed = false;   // the server refused our token on this connection
  let triedRefresh = false; // one refresh per authentication failure, then stop

  function setConnection(state) {
    connectionStatus.textContent = state;
    connectionStatus.dataset.state = state;
    sendButton.disabled = state !== 'connected';
  }

  function setAgentStatus(text) {
    agentStatus.textContent = text;
  }

  function addMessage(role, text) {
    const el = document.createElement('div');
    el.className = 'message ' + role;
    el.dataset.testid = role === 'user' ? 'user-message' : 'assistant-message';
    el.textContent = text; // never innerHTML: messages are untrusted
    messages.appendChild(el);
    el.scrollIntoView({ block: 'end' });
  }

  function connect() {
    authFailed = false;
    setConnection('connecting');
    const token = Netra.getAccessToken() || '';
    // Browsers cannot set headers on a WebSocket: the token travels as a subprotocol.
    const ws = new WebSocket(config.wsUrl, ['jwt-auth', 'jwt.' + Netra.base64url(token)]);
    socket = ws;
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      handle(message);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      dropped = true;
      setConnection('disconnected');
      if (authFailed || event.code === 1008) {
        reauthenticate();
        return;
      }
      // The platform is unreachable (down, restarting, network): say so until the connection is back.
      Netra.showError(CHAT_UNAVAILABLE, CONNECTION);
      // Backoff with jitter: 1 s, 2 s, 4 s ... up to 30 s.
      const delay = Math.min(1000 * 2 ** attempt, MAX_RECONNECT_DELAY_MS) * (0.75 + Math.random() / 2);
      attempt += 1;
      setTimeout(connect, delay);
    };
  }

  // The token was refused: an expired access token may still be refreshable once.
  async function reauthenticate() {
    if (!triedRefresh && Netra.getRefreshToken()) {
      triedRefresh = true;
      if (await Netra.refreshTokens()) {
        Netra.clearError();
        connect();
        return;
      }
    }
    setAgentStatus('Please sign in again.');
  }

  function handle({ type, payload = {} }) {
    switch (type) {
      case 'connection_established':
        attempt = 0;
        triedRefresh = false;
        setConnection('connected');
        Netra.clearError(CONNECTION); // only the outage notice: other problems stay on screen
        Netra.scheduleRefresh();
        if (dropped && awaitingAnswer) catchUp();
        dropped = false;
        break;
      case 'agent_started':
        threadId = payload.thread_id || threadId;
        setAgentStatus('Agent started: ' + payload.agent_name);
        break;
      case 'agent_thinking':
        setAgentStatus('Thinking…');
        break;
      case 'tool_executing':
        setAgentStatus('Using ' + payload.tool_name);
        break;
      case 'tool_completed':
        setAgentStatus('Tool finished: ' + payload.tool_name);
        break;
      case 'agent_completed':
        awaitingAnswer = false;
        addMessage('assistant', payload.result && payload.result.content ? payload.result.content : '');
        setAgentStatus('Completed');
        break;
      case 'agent_error':
        awaitingAnswer = false;
        setAgentStatus('Error');
        Netra.showError(
          'The assistant could not answer your question.' +
          (payload.error ? ' ' + payload.error : '') +
          (payload.suggestion ? ' ' + payload.suggestion : ''),
          'agent');
        break;
      case 'error':
        if (payload.code === 'AUTH_FAILED') authFailed = true;
        Netra.showError((payload.code ? payload.code + ': ' : '') + (payload.message || 'Something went wrong.'));
        break;
      default:
        break; // pong and events this page does not show
    }
  }

  // The connection dropped while the agent was answering: its events are lost, but the platform
  // still stores the answer. Fetch the conversation and show the answer, or say it did not come.
  async function catchUp() {
    awaitingAnswer = false;
    try {
      if (!threadId) throw new Error('no conversation yet');
      const response = await fetch(config.backendUrl + '/api/threads/' + encodeURIComponent(threadId) + '/messages',
        { headers: { Authorization: 'Bearer ' + (Netra.getAccessToken() || '') } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const kept = (await response.json()).messages || [];
      const [question, last] = kept.slice(-2);
      if (question && question.role === 'user' && question.content === lastQuestion && last.role === 'assistant') {
        addMessage('assistant', last.content || '');
        setAgentStatus('Completed');
        return;
      }
    } catch { /* fall through: say the answer did not arrive */ }
    setAgentStatus('The connection dropped before the answer arrived: please ask again.');
  }

  function send() {
    const text = input.value.trim();
    if (!text) return;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      Netra.showError(NOT_SENT, CONNECTION);
      return;
    }
    const envelope = { type: 'user_message', payload: { text }, timestamp: new Date().toISOString() };
    if (threadId) envelope.payload.thread_id = threadId;
    const frame = JSON.stringify(envelope);
    if (new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) {
      Netra.showError('This message is too long to send; please shorten it (about 8,000 characters at most).');
      return;
    }
    Netra.clearError();
    socket.send(frame);
    awaitingAnswer = true;
    lastQuestion = text;
    addMessage('user', text);
    setAgentStatus('Sending…');
    input.value = '';
    input.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  // Enter sends; Shift+Enter starts a new line.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  newChat.addEventListener('click', () => {
    threadId = null;
    messages.replaceChildren();
    setAgentStatus('Idle');
    Netra.clearError();
    input.focus();
  });

  connect();
})();
