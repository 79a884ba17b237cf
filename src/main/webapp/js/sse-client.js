// sse-notify browser client: an ES module with no dependencies and no build step.
//
// It reads the stream with fetch rather than EventSource because EventSource can send neither an
// Authorization header nor a Last-Event-ID of our choosing, hides HTTP statuses (no way to tell a 401
// from a 503 or to read Retry-After), only delivers the event names it was told about, and reconnects
// on a fixed delay, so a restarted server gets every client back in the same second.

const RESERVED_PREFIX = "sse.";
// The HTML spec's signal that a stream should not be retried, plus the statuses that will not change
// by retrying: not logged in, not allowed, no such endpoint.
const FATAL_STATUSES = new Set([204, 401, 403, 404]);
const THROTTLED_STATUSES = new Set([429, 503]);

/**
 * Incremental parser for the WHATWG text/event-stream format.
 * push(chunk) takes a Uint8Array (or a string) as it arrives from the network; end() when the stream ends.
 * onEvent({ event, data, id }) gets data as the raw string; id is the last event ID at dispatch time.
 */
export function createEventStreamParser(onEvent, onComment, onRetry, { lastEventId = "" } = {}) {
  // ignoreBOM keeps the BOM in the text so that one rule (strip it once, at the very start) serves
  // byte and string input alike.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let started = false;
  let afterCR = false; // a CR ended the previous chunk: an LF opening the next belongs to it
  let partial = "";
  let eventType = "";
  let data = "";
  let idBuffer = lastEventId;
  let lastId = lastEventId;

  function dispatch() {
    lastId = idBuffer;
    if (data === "") {
      eventType = "";
      return;
    }
    const event = { event: eventType || "message", data: data.endsWith("\n") ? data.slice(0, -1) : data, id: lastId };
    eventType = "";
    data = "";
    onEvent?.(event);
  }

  function line(text) {
    if (text === "") return dispatch();
    if (text.charCodeAt(0) === 0x3a) return onComment?.(text.slice(1).replace(/^ /, ""));
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case "event": eventType = value; break;
      case "data": data += value + "\n"; break;
      case "id": if (!value.includes("\0")) idBuffer = value; break;
      case "retry": if (/^[0-9]+$/.test(value)) onRetry?.(Number(value)); break;
      default: // unknown fields are ignored, as the spec says
    }
  }

  function push(chunk) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text === "") return;
    if (!started) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    if (afterCR && text.charCodeAt(0) === 0x0a) start = 1;
    afterCR = false;
    const eol = /\r\n|\r|\n/g;
    eol.lastIndex = start;
    for (let match; (match = eol.exec(text)) !== null;) {
      const lineText = partial + text.slice(start, match.index);
      partial = "";
      start = eol.lastIndex;
      if (match[0] === "\r" && start === text.length) afterCR = true;
      line(lineText);
    }
    partial += text.slice(start);
  }

  // An event not closed by a blank line before the stream ends is discarded, as the spec says.
  function end() {
    decoder.decode();
    partial = "";
    data = "";
    eventType = "";
  }

  return { push, end, get lastEventId() { return lastId; } };
}

/** Parses a Retry-After value (seconds or an HTTP date) into milliseconds from now, or null. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null) return null;
  const text = String(value).trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would take "-5" for a year.
  const at = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function parseData(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

// A listener that throws must not break the stream or the other listeners; reportError shows it the
// way the browser shows an exception from an EventSource listener.
function report(error) {
  if (typeof globalThis.reportError === "function") globalThis.reportError(error);
  else console.error(error);
}

function safely(fn, ...args) {
  if (typeof fn !== "function") return;
  try {
    fn(...args);
  } catch (error) {
    report(error);
  }
}

// Header values must be byte strings: fetch rejects a character above U+00FF. An id is sent as its UTF-8
// bytes, one character per byte, which is what a server reading the header as bytes (or ISO-8859-1) gets.
export function headerValue(text) {
  return Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join("");
}

// A key per client instance (one per tab): its reconnects replace its own stale stream on the server,
// and two tabs never replace each other's.
export function newClientKey(random = Math.random) {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// The stream URL with the client's key, for a URL with or without a query of its own.
export function withClientKey(url, key) {
  if (!key) return String(url);
  const [path, hash = ""] = String(url).split("#");
  const joined = `${path}${path.includes("?") ? "&" : "?"}clientKey=${encodeURIComponent(key)}`;
  return hash ? `${joined}#${hash}` : joined;
}

async function requestHeaders(headers, authorization, extra) {
  const result = { ...extra, ...(typeof headers === "function" ? await headers() : headers) };
  const auth = typeof authorization === "function" ? await authorization() : authorization;
  if (auth) result.Authorization = auth;
  return result;
}

/**
 * POSTs JSON with the same credentials, headers and Authorization as the stream.
 * Resolves to the Response whatever its status.
 */
export async function postJson(url, body, { fetch: fetchImpl, headers, authorization, withCredentials } = {}) {
  const doFetch = fetchImpl ?? ((...args) => globalThis.fetch(...args));
  return doFetch(url, {
    method: "POST",
    headers: await requestHeaders(headers, authorization, { "Content-Type": "application/json", Accept: "application/json" }),
    credentials: withCredentials ? "include" : "same-origin",
    body: JSON.stringify(body),
  });
}

// The stream URL with one `topic` parameter per topic (pattern), sent on every connection.
export function withTopics(url, topics) {
  if (!topics || topics.length === 0) return String(url);
  const [path, hash = ""] = String(url).split("#");
  const query = topics.map((topic) => `topic=${encodeURIComponent(topic)}`).join("&");
  const joined = `${path}${path.includes("?") ? "&" : "?"}${query}`;
  return hash ? `${joined}#${hash}` : joined;
}

// "/api/sse?x=1" -> "/api/sse": the sibling endpoints live next to the stream's path.
export function streamBase(url) {
  return String(url).replace(/[?#].*$/, "").replace(/\/+$/, "");
}

/**
 * Opens (unless autoConnect is false) and keeps open one stream from `url`.
 * Callbacks: onConnect({ clientId, userId, sessionId, heartbeatSeconds }) on each sse.connected greeting;
 * onDisconnect({ reason, willReconnect }) when a greeted connection ends, reason being "closed",
 * "error", "heartbeat-timeout" or "disconnect"; onError(error) with error.status (HTTP), error.fatal
 * (true: the client gave up) and error.retryInMs; onMessage(event) for every application event;
 * onGap(event) for sse.gap. Events are { event, data, id }, data JSON-parsed when it parses.
 * headers (object or function) and authorization (string or function, may be async) go with the
 * stream and the acks. getToken({ refresh }) (may be async) supplies a bearer token instead: it is called
 * before every connection attempt, so a token that expired (the server closes such a stream with reason
 * token-expired) is replaced on the reconnect; after a 401 it is called once more with refresh: true before
 * the client gives up. clientKey names this client across its reconnects (default: a random key per
 * client, so per tab; null sends none). topics (array of topic names or patterns) go as `topic` parameters on
 * every connection; subscribe({ add, remove }) changes them on the live stream (POST subscriptionsUrl) and
 * for the reconnects after; onSubscribed({ topics }) follows each sse.subscribed. setTimeout, clearTimeout,
 * random and now can be injected for tests.
 */
export function createSseClient({
  url = "/api/sse",
  autoConnect = true,
  onConnect,
  onDisconnect,
  onError,
  onMessage,
  onGap,
  onSubscribed,
  topics: initialTopics = [],
  headers,
  authorization,
  getToken,
  withCredentials = false,
  fetch: fetchImpl,
  retryMs = 5000,
  maxBackoffMs = 60000,
  heartbeatSeconds = 30,
  heartbeatTimeoutFactor = 2.5,
  ack = true,
  ackUrl = streamBase(url) + "/ack",
  ackDelayMs = 250,
  subscriptionsUrl = streamBase(url) + "/subscriptions",
  setTimeout: setTimer = (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: clearTimer = (handle) => globalThis.clearTimeout(handle),
  random = Math.random,
  now = Date.now,
  clientKey = newClientKey(random),
} = {}) {
  const streamUrl = withClientKey(url, clientKey);
  let topics = [...new Set(initialTopics)];
  const doFetch = fetchImpl ?? ((...args) => globalThis.fetch(...args));
  const listeners = new Map();
  let current = null; // AbortController of the live attempt; null when none
  let connected = false;
  let stopped = true;
  let attempt = 0; // failures since the last good connection: the backoff exponent
  let reconnectTimer = null;
  let watchdog = null;
  let lastEvent = null;
  let lastEventId = "";
  let info = { clientId: null, userId: null, sessionId: null };
  let baseRetryMs = retryMs;
  let heartbeatMs = heartbeatSeconds * 1000;
  // Acks: only the newest id matters, one request in flight and at most one per ackDelayMs.
  let ackEnabled = ack;
  let ackPending = null;
  let ackTimer = null;
  let ackInFlight = false;
  let ackedId = null;
  // getToken: the last token, for the acks; whether the next attempt must ask for a fresh one.
  let token = null;
  let refreshToken = false;
  const streamAuthorization = getToken ? () => (token ? `Bearer ${token}` : null) : authorization;

  function backoffMs() {
    const ceiling = Math.min(maxBackoffMs, baseRetryMs * 2 ** attempt);
    attempt += 1;
    // Full jitter: clients dropped together come back spread over the whole window.
    return Math.floor(random() * ceiling);
  }

  function scheduleReconnect(floorMs = 0) {
    if (stopped) return null;
    const delay = floorMs + backoffMs();
    reconnectTimer = setTimer(() => {
      reconnectTimer = null;
      open();
    }, delay);
    return delay;
  }

  function reconnectNow() {
    if (stopped) return null;
    reconnectTimer = setTimer(() => {
      reconnectTimer = null;
      open();
    }, 0);
    return 0;
  }

  function armWatchdog(controller) {
    if (watchdog !== null) clearTimer(watchdog);
    watchdog = null;
    if (!(heartbeatMs > 0)) return;
    const limit = heartbeatMs * heartbeatTimeoutFactor;
    watchdog = setTimer(() => {
      watchdog = null;
      controller.abort();
      drop(controller, "heartbeat-timeout", new Error(`no data from the server for ${limit} ms`));
    }, limit);
  }

  // Ends the attempt `controller` unless something already replaced it, then reconnects.
  function drop(controller, reason, error, floorMs = 0, fatal = false, immediately = false) {
    if (controller !== current) return;
    current = null;
    if (watchdog !== null) clearTimer(watchdog);
    watchdog = null;
    if (fatal) stopped = true;
    const wasConnected = connected;
    connected = false;
    const retryInMs = fatal ? null : immediately ? reconnectNow() : scheduleReconnect(floorMs);
    if (wasConnected) safely(onDisconnect, { reason, willReconnect: !fatal });
    if (error) safely(onError, Object.assign(error, { fatal, retryInMs }));
  }

  function deliver(controller, raw) {
    if (controller !== current) return; // a listener disconnected us while this chunk was parsed
    lastEventId = raw.id;
    const event = { event: raw.event, data: parseData(raw.data), id: raw.id };
    if (raw.event.startsWith(RESERVED_PREFIX)) {
      if (raw.event === "sse.connected") greeted(event.data);
      else if (raw.event === "sse.gap") safely(onGap, event);
      else if (raw.event === "sse.subscribed") subscribed(event.data);
    } else {
      lastEvent = event;
      safely(onMessage, event);
    }
    for (const handler of [...(listeners.get(raw.event) ?? [])]) safely(handler, event);
    if (!raw.event.startsWith(RESERVED_PREFIX) && event.id) queueAck(event.id);
  }

  // The server's word on the stream's topics wins: it is what the next connection asks for.
  function subscribed(data) {
    if (Array.isArray(data?.topics)) topics = [...data.topics];
    safely(onSubscribed, { topics: [...topics] });
  }

  function greeted(data) {
    const d = data && typeof data === "object" ? data : {};
    info = { clientId: d.clientId ?? null, userId: d.userId ?? null, sessionId: d.sessionId ?? null };
    if (Array.isArray(d.topics)) {
      info.topics = [...d.topics];
      topics = [...d.topics];
    }
    if (typeof d.heartbeatSeconds === "number") heartbeatMs = d.heartbeatSeconds * 1000;
    armWatchdog(current);
    connected = true;
    attempt = 0;
    refreshToken = false;
    ackEnabled = ack; // a server that lacked /ack may have been upgraded since
    safely(onConnect, { ...info, heartbeatSeconds: heartbeatMs / 1000 });
  }

  async function open() {
    const controller = new AbortController();
    current = controller;
    // Armed before fetch too: a server that accepts the socket and never answers is as dead as a silent one.
    armWatchdog(controller);
    let response;
    try {
      const extra = { Accept: "text/event-stream" };
      if (lastEventId) extra["Last-Event-ID"] = headerValue(lastEventId);
      if (getToken) token = (await getToken({ refresh: refreshToken })) || null;
      if (controller !== current) return;
      response = await doFetch(withTopics(streamUrl, topics), {
        method: "GET",
        headers: await requestHeaders(headers, streamAuthorization, extra),
        credentials: withCredentials ? "include" : "same-origin",
        cache: "no-store",
        signal: controller.signal,
      });
    } catch (error) {
      return drop(controller, "error", error);
    }
    if (controller !== current) return;
    const status = response.status;
    const type = response.headers?.get?.("content-type") ?? "";
    if (status !== 200 || !type.toLowerCase().startsWith("text/event-stream") || !response.body) {
      response.body?.cancel?.().catch(() => {});
      // A refused token may only be stale: one more try with a fresh one, at once, before giving up.
      if (status === 401 && getToken && !refreshToken) {
        refreshToken = true;
        return drop(controller, "error", Object.assign(new Error("HTTP 401: refreshing the token"), { status, response }), 0, false, true);
      }
      const fatal = FATAL_STATUSES.has(status);
      const retryAfter = THROTTLED_STATUSES.has(status) ? parseRetryAfter(response.headers?.get?.("retry-after"), now()) : null;
      const message = status === 200 ? `not an event stream: ${type || "no content type"}` : `HTTP ${status}`;
      return drop(controller, "error", Object.assign(new Error(message), { status, response }), retryAfter ?? 0, fatal);
    }
    armWatchdog(controller);
    const parser = createEventStreamParser(
      (raw) => deliver(controller, raw),
      null,
      (ms) => { baseRetryMs = ms; },
      { lastEventId },
    );
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (controller !== current) return;
        if (done) break;
        armWatchdog(controller); // any bytes, heartbeat comment or not, prove the connection alive
        parser.push(value);
        // Also picks up an id sent with an event that had no data, which the spec counts as seen.
        if (controller === current) lastEventId = parser.lastEventId;
      }
    } catch (error) {
      return drop(controller, "error", error);
    } finally {
      parser.end();
    }
    drop(controller, "closed", null);
  }

  function queueAck(id) {
    // An event without an id field inherits the previous id: that one is acked already.
    if (!ackEnabled || id === ackedId) return;
    ackPending = id;
    if (ackTimer === null && !ackInFlight) ackTimer = setTimer(sendAck, ackDelayMs);
  }

  async function sendAck() {
    ackTimer = null;
    if (!ackEnabled || ackPending === null) return;
    const lastEventIdToAck = ackPending;
    ackPending = null;
    ackedId = lastEventIdToAck;
    ackInFlight = true;
    try {
      const response = await postJson(ackUrl, { lastEventId: lastEventIdToAck }, { fetch: doFetch, headers, authorization: streamAuthorization, withCredentials });
      // Servers without acks answer 404: stop asking until the next connection.
      if (response.status === 404) {
        ackEnabled = false;
        ackPending = null;
      }
    } catch {
      // A lost ack costs nothing that Last-Event-ID does not cover.
    } finally {
      ackInFlight = false;
      if (ackEnabled && ackPending !== null && !stopped) ackTimer = setTimer(sendAck, ackDelayMs);
    }
  }

  function connect() {
    stopped = false;
    if (current) return;
    if (reconnectTimer !== null) clearTimer(reconnectTimer);
    reconnectTimer = null;
    open();
  }

  function disconnect() {
    stopped = true;
    if (reconnectTimer !== null) clearTimer(reconnectTimer);
    reconnectTimer = null;
    if (ackTimer !== null) clearTimer(ackTimer);
    ackTimer = null;
    ackPending = null;
    const controller = current;
    if (!controller) return;
    controller.abort();
    drop(controller, "disconnect", null, 0, true);
  }

  /**
   * Adds and removes topics: on the live stream when there is one (resolves to the server's
   * { clientId, topics }; rejects with error.status and error.problem on 400, 403 or 404), and for every
   * connection after. Without a live stream only the latter.
   */
  async function subscribe({ add = [], remove = [] } = {}) {
    const clientId = connected ? info.clientId : null;
    if (!clientId) {
      topics = [...new Set([...topics, ...add])].filter((topic) => !remove.includes(topic));
      return { clientId: null, topics: [...topics] };
    }
    const response = await postJson(subscriptionsUrl, { clientId, add, remove }, { fetch: doFetch, headers, authorization: streamAuthorization, withCredentials });
    const body = await response.json().catch(() => null);
    if (response.status !== 200) {
      throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status, problem: body });
    }
    if (Array.isArray(body?.topics)) topics = [...body.topics];
    return { clientId, topics: [...topics] };
  }

  function on(eventName, handler) {
    if (!listeners.has(eventName)) listeners.set(eventName, new Set());
    // Wrapped so that subscribing the same function twice gives two independent subscriptions.
    const entry = (event) => handler(event);
    listeners.get(eventName).add(entry);
    return () => listeners.get(eventName)?.delete(entry);
  }

  if (autoConnect) connect();

  return {
    connect,
    disconnect,
    on,
    subscribe,
    get topics() { return [...topics]; },
    get isConnected() { return connected; },
    get lastEvent() { return lastEvent; },
    get lastEventId() { return lastEventId; },
    get clientId() { return info.clientId; },
    get userId() { return info.userId; },
    get sessionId() { return info.sessionId; },
    get clientKey() { return clientKey; },
  };
}
