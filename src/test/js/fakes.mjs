// Test doubles: a virtual clock and a fetch whose event streams the test writes by hand.
// No real timers and no network, so each test is fast and deterministic.

const encoder = new TextEncoder();

/** Lets pending promise chains (fetch, stream reads, handlers) settle. */
export async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export function fakeClock(start = 0) {
  let time = start;
  let seq = 0;
  const timers = new Map();
  const clock = {
    now: () => time,
    setTimeout: (fn, ms = 0) => {
      const id = ++seq;
      timers.set(id, { at: time + Math.max(0, ms), ms, fn });
      return id;
    },
    clearTimeout: (id) => {
      timers.delete(id);
    },
    /** Delays (ms) of the timers still pending, in the order they were set. */
    pending: () => [...timers.values()].map((t) => t.ms),
    /** Moves time forward, firing due timers in order and letting async work settle after each. */
    async advance(ms) {
      const end = time + ms;
      await settle(); // work already under way schedules its timers from the current time
      for (;;) {
        let next = null;
        for (const [id, t] of timers) if (t.at <= end && (next === null || t.at < next[1].at)) next = [id, t];
        if (next === null) break;
        timers.delete(next[0]);
        time = next[1].at;
        next[1].fn();
        await settle();
      }
      time = end;
      await settle();
    },
  };
  return clock;
}

function abortError() {
  return new DOMException("This operation was aborted", "AbortError");
}

/**
 * An event-stream response whose body the test writes: send(text), close(), fail(error).
 * Aborting the request's signal errors the body the way a real fetch does.
 */
export function eventStream(call, { status = 200, headers = { "content-type": "text/event-stream" } } = {}) {
  let controller;
  const body = new ReadableStream({ start(c) { controller = c; } });
  const stream = {
    response: { status, ok: status >= 200 && status < 300, headers: new Headers(headers), body },
    send(text) { controller.enqueue(typeof text === "string" ? encoder.encode(text) : text); },
    close() { controller.close(); },
    fail(error) { controller.error(error); },
    get aborted() { return call.signal?.aborted === true; },
  };
  call.signal?.addEventListener("abort", () => {
    try { controller.error(abortError()); } catch { /* already closed */ }
  });
  return stream;
}

export function jsonResponse(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A request that never answers until its signal aborts it. */
export function hang(call) {
  return new Promise((_, reject) => call.signal?.addEventListener("abort", () => reject(abortError())));
}

/**
 * fetch double: route(call) returns a Response, an eventStream(...) or a promise of either.
 * Each call is recorded as { url, method, headers, credentials, body (parsed JSON), signal }.
 * Calls to the stream URL also land in `streams` once answered with an event stream.
 */
export function fakeFetch(route) {
  const calls = [];
  const streams = [];
  async function fetch(url, init = {}) {
    const call = {
      url: String(url),
      method: init.method ?? "GET",
      headers: { ...init.headers },
      credentials: init.credentials,
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      signal: init.signal,
    };
    calls.push(call);
    if (call.signal?.aborted) throw abortError();
    const result = await route(call, calls);
    if (result && result.send) {
      streams.push(result);
      return result.response;
    }
    return result;
  }
  return {
    fetch,
    calls,
    streams,
    gets: () => calls.filter((c) => c.method === "GET"),
    posts: () => calls.filter((c) => c.method === "POST"),
    get lastStream() { return streams[streams.length - 1]; },
  };
}

export const GREETING = (over = {}) =>
  `event: sse.connected\nretry: 5000\ndata: ${JSON.stringify({ clientId: "c-1", userId: "alice", sessionId: null, heartbeatSeconds: 30, ...over })}\n\n`;

/**
 * A client on a virtual clock talking to fakeFetch(route), with full jitter pinned to its ceiling; `log`
 * records every callback in order and `of(kind)` picks one kind ("connect", "error", "subscribed", ...).
 */
export function virtualClient(createSseClient, route, options = {}) {
  const clock = fakeClock();
  const server = fakeFetch(route);
  const log = [];
  const record = (kind) => (value) => log.push([kind, value]);
  const client = createSseClient({
    fetch: server.fetch,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    now: clock.now,
    random: () => 1,
    onConnect: record("connect"),
    onDisconnect: record("disconnect"),
    onError: record("error"),
    onMessage: record("message"),
    onGap: record("gap"),
    onSubscribed: record("subscribed"),
    ...options,
  });
  const of = (kind) => log.filter(([k]) => k === kind).map(([, v]) => v);
  return { clock, server, client, log, of };
}
