// Steps of journey.yml: the platform's protocol (docs/stack-interface.md) in plain fetch and the engine's socket.
const { randomUUID } = require('node:crypto');
const AUTH = (process.env.NETRA_AUTH_URL || 'http://127.0.0.1:8001').replace(/\/$/, '');
const BACKEND = (process.env.NETRA_BACKEND_URL || 'http://127.0.0.1:8000').replace(/\/$/, '');
const DOMAIN = (process.env.NETRA_TEST_EMAIL_DOMAIN || 'example.test').replace(/^@/, '');

function nextEvent(ws, done) {
  return new Promise((resolve, reject) => {
    const onMessage = (data) => {
      const event = JSON.parse(data.toString());
      if (event.type === 'error') { ws.off('message', onMessage); reject(new Error(`error ${JSON.stringify(event.payload)}`)); }
      else if (done(event)) { ws.off('message', onMessage); resolve(event); }
    };
    ws.on('message', onMessage);
  });
}

function signUpAndConnect(wsArgs, context, next) {
  fetch(`${AUTH}/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `load.${randomUUID().slice(0, 16)}@${DOMAIN}`, password: 'Load-test-1!', name: 'Load Customer' }),
  }).then(async (answer) => {
    if (answer.status !== 200) throw new Error(`sign-up answered ${answer.status}`);
    context.vars.token = (await answer.json()).access_token;
    wsArgs.options = { ...wsArgs.options, headers: { Authorization: `Bearer ${context.vars.token}` } };
    context.vars.connectStarted = performance.now();
    next();
  }).catch(next);
}

async function socketOpen(context, events) {
  // The engine gives the socket to the flow only after its greeting may have passed, so the connection is timed to
  // the socket open here (Locust's profile times it to the greeting).
  events.emit('histogram', 'netra.connect', performance.now() - context.vars.connectStarted);
}

async function askAndAwaitAnswer(context, events) {
  const started = performance.now();
  const first = nextEvent(context.ws, (e) => e.type === 'agent_started');
  const end = nextEvent(context.ws, (e) => e.type === 'agent_completed' || e.type === 'agent_error');
  context.ws.send(JSON.stringify({ type: 'user_message', payload: { text: 'Where does most of my cloud budget go?' } }));
  await first;
  events.emit('histogram', 'netra.first_event', performance.now() - started);
  const last = await end;
  if (last.type === 'agent_error') throw new Error('the agent failed');
  events.emit('histogram', 'netra.answer', performance.now() - started);
}

async function readTheBillAndLeave(context, events) {
  const headers = { Authorization: `Bearer ${context.vars.token}` };
  const started = performance.now();
  const bill = await fetch(`${BACKEND}/api/v1/billing/usage`, { headers });
  await bill.text();
  events.emit('histogram', 'netra.billing_read', performance.now() - started);
  await (await fetch(`${AUTH}/auth/account`, { method: 'DELETE', headers })).text();
}

module.exports = { signUpAndConnect, socketOpen, askAndAwaitAnswer, readTheBillAndLeave };
