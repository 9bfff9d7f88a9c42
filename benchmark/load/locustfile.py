"""
The Netra journeys as a Locust load: each simulated customer signs up, opens the chat socket, asks a question
and waits for the agent's answer, then reads her bill; at the end she closes her account, so the load leaves
no one behind. Run through benchmark/load/run (master and workers); see benchmark/load/README.md.

Modes (LOAD_MODE):
  burst  every customer signs up, then all open their connection at the same moment (LOAD_CONNECT_AT, a Unix
         time the run script sets, so that workers on many machines rush together), ask one question each and
         hold their connection until the run ends
  paced  customers arrive at the spawn rate and keep asking, together LOAD_RATE questions a second
  hold   as burst, but the customers only open their connection and hold it (the backend's connection capacity)

Measured (the request names in Locust's statistics, each against its published target):
  sign-up, connect (socket open and greeted), first event (question to the agent's first event),
  answer (question to the end of the agent's run), billing read.
"""
import json
import os
import time
import uuid

import gevent
import websocket  # websocket-client: blocking sockets, made cooperative by Locust's gevent patching
from gevent.lock import Semaphore
from locust import FastHttpUser, between, constant_pacing, events, task
from locust.exception import StopUser
import locust.runners

# Debian's python3-locust carries no version metadata, so its workers announce an empty version and the master turns
# them away as "pre 2.0"; announce the packaged one.
if not locust.runners.__version__:
    locust.runners.__version__ = "2.12.1"

AUTH = os.environ.get("NETRA_AUTH_URL", "http://127.0.0.1:8001").rstrip("/")
BACKEND = os.environ.get("NETRA_BACKEND_URL", "http://127.0.0.1:8000").rstrip("/")
DOMAIN = os.environ.get("NETRA_TEST_EMAIL_DOMAIN", "example.test").lstrip("@")
MODE = os.environ.get("LOAD_MODE", "burst")
RATE = float(os.environ.get("LOAD_RATE", "100"))          # paced: questions a second, all customers together
USERS = int(os.environ.get("LOAD_USERS", "1000"))
ANSWER_TIMEOUT = float(os.environ.get("LOAD_ANSWER_TIMEOUT", "30"))
CONNECT_AT = float(os.environ.get("LOAD_CONNECT_AT", "0"))

# The published targets (docs/contract-rules.md, perf.*), in milliseconds; NETRA_TARGET_<NAME>_MS as for the suite.
TARGETS = {
    "connect": float(os.environ.get("NETRA_TARGET_CONNECT_MS", 100)),
    "first event": float(os.environ.get("NETRA_TARGET_COLD_START_MS", 5000)),
    "answer": float(os.environ.get("NETRA_TARGET_COLD_START_MS", 5000)),
    "billing read": float(os.environ.get("NETRA_TARGET_TOKEN_CHECK_MS", 50)),
}


def report(name, started, exception=None, kind="journey"):
    events.request.fire(request_type=kind, name=name, response_time=(time.perf_counter() - started) * 1000,
                        response_length=0, exception=exception, context={})


class Customer(FastHttpUser):
    host = AUTH
    wait_time = constant_pacing(USERS / RATE) if MODE == "paced" else between(3600, 3600)

    def on_start(self):
        self.token = None
        self.socket = None
        email = f"load.{uuid.uuid4().hex[:16]}@{DOMAIN}"
        with self.client.post(f"{AUTH}/auth/register", name="sign-up", catch_response=True,
                              json={"email": email, "password": "Load-test-1!", "name": "Load Customer"}) as answer:
            if answer.status_code != 200:
                answer.failure(f"sign-up answered {answer.status_code}: {answer.text[:200]}")
                raise StopUser()
            self.token = answer.json()["access_token"]
        if MODE in ("burst", "hold") and CONNECT_AT:
            if time.time() > CONNECT_AT:  # signed up too late to rush with the others: counted, not hidden
                events.request.fire(request_type="journey", name="late for the rush", response_time=0,
                                    response_length=0, exception=None, context={})
            gevent.sleep(max(0.0, CONNECT_AT - time.time()))
        self.connect()

    def connect(self):
        started = time.perf_counter()
        try:
            self.socket = websocket.create_connection(
                BACKEND.replace("http", "ws", 1) + "/ws", header=[f"Authorization: Bearer {self.token}"], timeout=ANSWER_TIMEOUT,
                suppress_origin=True)  # a program, not a browser: no Origin (the origin check is for browsers)
            self.socket_lock = Semaphore()
            self.await_event(lambda e: e["type"] == "connection_established")
            report("connect", started)
        except Exception as e:  # a refused or silent socket is the platform's error, counted as such
            report("connect", started, e)
            self.socket = None

    def await_event(self, done):
        while True:
            event = json.loads(self.socket.recv())
            if event.get("type") == "error":
                raise RuntimeError(f"the platform answered an error: {event.get('payload')}")
            if done(event):
                return event

    @task
    def ask_and_read_the_bill(self):
        if MODE == "hold":
            return
        if self.socket is None:
            self.connect()
            if self.socket is None:
                return
        started = time.perf_counter()
        try:
            self.socket.send(json.dumps({"type": "user_message", "payload": {"text": "Where does most of my cloud budget go?"}}))
            self.await_event(lambda e: e["type"] == "agent_started")
            report("first event", started)
            end = self.await_event(lambda e: e["type"] in ("agent_completed", "agent_error"))
            if end["type"] == "agent_error":
                raise RuntimeError(f"the agent failed: {end.get('payload')}")
            report("answer", started)
        except Exception as e:
            report("answer", started, e)
            self.socket.close()
            self.socket = None
        self.client.get(f"{BACKEND}/api/v1/billing/usage", name="billing read",
                        headers={"Authorization": f"Bearer {self.token}"})

    def on_stop(self):
        if self.socket is not None:
            self.socket.close()
        if self.token is not None:  # leave no one behind
            self.client.delete(f"{AUTH}/auth/account", name="account closed", headers={"Authorization": f"Bearer {self.token}"})


@events.quitting.add_listener
def print_ratios(environment, **_):
    """p50/p95/p99 and errors per measurement, and p95 as a share of its target (master, or a single process)."""
    if environment.runner is None or type(environment.runner).__name__ == "WorkerRunner":
        return
    lines = [f"{'measurement':<16}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'target':>9}{'p95/target':>12}"]
    for name in ["sign-up", "late for the rush", "connect", "first event", "answer", "billing read", "account closed"]:
        entry = next((e for e in environment.stats.entries.values() if e.name == name), None)
        if entry is None:
            continue
        p = entry.get_response_time_percentile
        target = TARGETS.get(name)
        ratio = f"{p(0.95) / target:.2f}" if target else "-"
        lines.append(f"{name:<16}{entry.num_requests:>7}{entry.num_failures:>8}{p(0.5):>9.0f}{p(0.95):>9.0f}{p(0.99):>9.0f}"
                     f"{(f'{target:.0f}' if target else '-'):>9}{ratio:>12}")
    summary = "\n".join(lines)
    print(summary)
    out = os.environ.get("LOAD_SUMMARY")
    if out:
        with open(out, "w") as f:
            f.write(summary + "\n")
