// The /sse-test page: everything it shows is set with textContent, never parsed as HTML.
import { createSseClient } from "../js/sse-client.js";
import { callJson } from "../examples/shared/json-api.js";

// Resolved against this module, so the page works under any context root.
const API = new URL("../api/", import.meta.url);
const $ = (id) => document.getElementById(id);
const MAX_LOG = 200;
let received = 0;

function setStatus(kind, text) {
  $("status").className = `status status-${kind}`;
  $("status-text").textContent = text;
}

function showMessage(id, text, ok) {
  const el = $(id);
  el.textContent = text;
  el.className = `message ${ok ? "ok" : "error"}`;
}

function api(path, options) {
  return callJson(new URL(path, API), options);
}

function problemText(result) {
  return result.json?.detail ?? result.json?.title ?? `HTTP ${result.status}`;
}

function logEvent({ event, data, id }, extraClass) {
  const item = document.createElement("li");
  if (extraClass) item.classList.add(extraClass);
  item.dataset.event = event;
  const meta = document.createElement("div");
  meta.className = "meta";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = event;
  const idEl = document.createElement("span");
  idEl.className = "id";
  idEl.textContent = id ? `id ${id}` : "no id";
  const time = document.createElement("time");
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString();
  meta.append(name, idEl, time);
  const pre = document.createElement("pre");
  pre.className = "data";
  pre.textContent = typeof data === "string" ? data : JSON.stringify(data, null, 2);
  item.append(meta, pre);
  const log = $("event-log");
  log.prepend(item);
  while (log.children.length > MAX_LOG) log.lastElementChild.remove();
  received += 1;
  $("event-count").textContent = String(received);
}

function showIdentity(userId, sessionId) {
  $("me-user").textContent = userId ?? "anonymous";
  $("me-session").textContent = sessionId ?? "none";
  $("login-form").hidden = Boolean(userId);
  $("logout").hidden = !userId;
}

const client = createSseClient({
  url: new URL("sse", API).href,
  autoConnect: false,
  onConnect: ({ clientId, userId, sessionId }) => {
    setStatus("on", "Connected");
    $("me-client").textContent = clientId ?? "unknown";
    showIdentity(userId, sessionId);
    $("connect").disabled = true;
    $("disconnect").disabled = false;
  },
  onDisconnect: ({ willReconnect }) => {
    setStatus(willReconnect ? "wait" : "off", willReconnect ? "Reconnecting…" : "Disconnected");
    $("me-client").textContent = "not connected";
    $("connect").disabled = willReconnect;
    $("disconnect").disabled = !willReconnect;
  },
  onError: (error) => {
    if (error.fatal) {
      setStatus("error", `Stopped: ${error.message}`);
      $("connect").disabled = false;
      $("disconnect").disabled = true;
    } else if (!client.isConnected) {
      const wait = error.retryInMs == null ? "" : ` (retry in ${Math.ceil(error.retryInMs / 1000)} s)`;
      setStatus("wait", `Reconnecting${wait}`);
      $("connect").disabled = true;
      $("disconnect").disabled = false;
    }
  },
  onMessage: (event) => logEvent(event),
  onGap: (event) => logEvent(event, "gap"),
});

async function refreshIdentity() {
  const me = await api("auth/me");
  if (me.ok) showIdentity(me.json.userId, me.json.sessionId);
}

function reconnectIfConnected() {
  // The stream's identity is fixed when it opens: after log in or out, open a new one.
  if (!$("connect").disabled) return;
  client.disconnect();
  client.connect();
  setStatus("wait", "Connecting…");
}

$("connect").addEventListener("click", () => {
  setStatus("wait", "Connecting…");
  $("connect").disabled = true;
  $("disconnect").disabled = false;
  client.connect();
});

$("disconnect").addEventListener("click", () => {
  client.disconnect();
  setStatus("off", "Disconnected");
  $("connect").disabled = false;
  $("disconnect").disabled = true;
});

$("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const result = await api("auth/login", {
    method: "POST",
    body: { username: $("login-user").value, password: $("login-password").value },
  });
  if (result.ok) {
    $("login-password").value = "";
    showMessage("auth-message", `Logged in as ${result.json.userId}`, true);
    showIdentity(result.json.userId, result.json.sessionId);
    reconnectIfConnected();
  } else {
    showMessage("auth-message", problemText(result), false);
  }
});

$("logout").addEventListener("click", async () => {
  const result = await api("auth/logout", { method: "POST", body: {} });
  showMessage("auth-message", result.ok ? "Logged out" : problemText(result), result.ok);
  await refreshIdentity();
  reconnectIfConnected();
});

const TARGET_ID_FIELD = { user: "userId", session: "sessionId", client: "clientId" };

function updateTargetField() {
  const field = TARGET_ID_FIELD[$("send-target").value];
  $("send-target-id-label").hidden = !field;
  $("send-target-id").placeholder = field === "client" ? "required, e.g. your client id" : "empty: your own";
}
$("send-target").addEventListener("change", updateTargetField);
updateTargetField();

$("send-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  let data;
  const raw = $("send-data").value.trim();
  try {
    data = raw === "" ? null : JSON.parse(raw);
  } catch (error) {
    showMessage("send-message", `Data is not valid JSON: ${error.message}`, false);
    return;
  }
  const target = $("send-target").value;
  const body = { event: $("send-event").value.trim(), data, target };
  const field = TARGET_ID_FIELD[target];
  let targetId = $("send-target-id").value.trim();
  if (target === "client" && !targetId) targetId = client.clientId ?? "";
  if (field && targetId) body[field] = targetId;
  const result = await api("sse-test", { method: "POST", body });
  if (result.status === 202) {
    showMessage("send-message", `Sent ${result.json.eventId} to ${result.json.queued} connection(s)`, true);
  } else {
    showMessage("send-message", `${result.status}: ${problemText(result)}`, false);
  }
});

$("clear-events").addEventListener("click", () => {
  $("event-log").replaceChildren();
  received = 0;
  $("event-count").textContent = "0";
});

const STAT_KEYS = ["totalClients", "authenticatedClients", "anonymousClients", "uniqueUsers", "uniqueSessions",
  "eventsSent", "eventsDropped", "eventsFailed", "heartbeatsSent", "uptimeSeconds"];

async function refreshStats() {
  try {
    const result = await api("sse-test");
    if (!result.ok) {
      $("stats-time").textContent = problemText(result);
      return;
    }
    const list = $("stats-list");
    const rows = [];
    for (const key of STAT_KEYS) {
      const dt = document.createElement("dt");
      dt.textContent = key;
      const dd = document.createElement("dd");
      dd.dataset.stat = key;
      dd.textContent = String(result.json[key]);
      rows.push(dt, dd);
    }
    const rejected = Object.entries(result.json.rejectedConnections ?? {}).filter(([, n]) => n > 0);
    if (rejected.length) {
      const dt = document.createElement("dt");
      dt.textContent = "rejected";
      const dd = document.createElement("dd");
      dd.textContent = rejected.map(([reason, n]) => `${reason}: ${n}`).join(", ");
      rows.push(dt, dd);
    }
    list.replaceChildren(...rows);
    $("stats-time").textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch {
    $("stats-time").textContent = "server unreachable";
  }
}

refreshIdentity();
refreshStats();
setInterval(refreshStats, 3000);
client.connect();
setStatus("wait", "Connecting…");
$("connect").disabled = true;
$("disconnect").disabled = false;
