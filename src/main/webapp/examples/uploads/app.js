// The /examples/uploads/ page: a signed-in user starts uploads, watches their progress live, cancels them, and
// is told when a (signed) Mux webhook says a video is ready. Plain React.createElement, no build step; React
// itself is resolved by the page's import map to the copy the WAR serves. React renders every value as text,
// and only https links are made clickable.
import React from "react";
import { createRoot } from "react-dom/client";
import { SSEProvider, useSSE, useSSEEvent } from "../../js/sse-react.js";
import { callJson } from "../shared/json-api.js";

const { Fragment, createElement: h, useCallback, useEffect, useState } = React;

// Resolved against this module, so the page works under any context root.
const API = new URL("../../api/", import.meta.url);
const FINAL = new Set(["complete", "failed", "cancelled", "interrupted"]);
const MAX_NOTIFICATIONS = 20;

function api(path, options) {
  return callJson(new URL(path, API), options);
}

function problemText(result) {
  return result.json?.detail ?? result.json?.title ?? `HTTP ${result.status}`;
}

// ---- upload state: one entry per uploadId, in the order they were started ----

/** How far along an upload is; a finished one is past any progress, so late or replayed events never undo it. */
function rank(upload) {
  return FINAL.has(upload.status) ? 101 : (upload.progress ?? 0);
}

function mergeUpload(list, next) {
  if (!next?.uploadId) return list;
  const index = list.findIndex((u) => u.uploadId === next.uploadId);
  if (index < 0) return [...list, { progress: 0, status: "processing", seenAt: Date.now(), ...next }];
  const current = list[index];
  if (FINAL.has(current.status) || rank(next) < rank(current)) return list;
  const copy = list.slice();
  copy[index] = { ...current, ...next, progress: next.progress ?? current.progress };
  return copy;
}

function useUploads() {
  const [uploads, setUploads] = useState([]);
  const [message, setMessage] = useState(null);
  const apply = useCallback((data) => setUploads((list) => mergeUpload(list, data)), []);

  const reload = useCallback(async () => {
    const asked = Date.now();
    const result = await api("uploads");
    if (result.ok && Array.isArray(result.json)) {
      // A job this page saw running that the server no longer knows (it restarted, or the instance that ran it
      // died) will send nothing more: show it as interrupted rather than leave its bar hanging.
      const known = new Set(result.json.map((u) => u.uploadId));
      setUploads((list) => result.json.reduce(mergeUpload, list).map((u) =>
        (u.status === "processing" && !known.has(u.uploadId) && u.seenAt < asked
          ? { ...u, status: "interrupted", error: "the server no longer runs this upload" } : u)));
    } else if (!result.ok) {
      setMessage({ ok: false, text: `Could not list uploads: ${problemText(result)}` });
    }
  }, []);

  const start = useCallback(async (fileName, failAtPercent) => {
    const body = failAtPercent ? { fileName, failAtPercent } : { fileName };
    const result = await api("uploads", { method: "POST", body });
    if (result.status === 202) {
      apply(result.json);
      setMessage({ ok: true, text: `Started ${result.json.fileName}` });
    } else {
      const why = result.status === 429 ? "Too many uploads running: wait for one to finish or cancel one. " : "";
      setMessage({ ok: false, text: `${why}${problemText(result)}` });
    }
  }, [apply]);

  const cancel = useCallback(async (uploadId) => {
    const result = await api(`uploads/${encodeURIComponent(uploadId)}`, { method: "DELETE" });
    if (result.ok) {
      apply({ uploadId, status: "cancelled" });
      setMessage({ ok: true, text: "Cancelled" });
    } else {
      setMessage({ ok: false, text: result.status === 409 ? "Already finished" : problemText(result) });
    }
  }, [apply]);

  useSSEEvent("upload-progress", ({ data }) => apply(data));
  useSSEEvent("upload-complete", ({ data }) => apply(data));
  useSSEEvent("upload-error", ({ data }) => apply(data));
  return { uploads, message, reload, start, cancel };
}

// ---- components ----

function Card({ id, title, wide, children }) {
  return h("section", { className: wide ? "card wide-card" : "card", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title), children);
}

function Message({ id, message }) {
  return h("p", { id, className: `message ${message ? (message.ok ? "ok" : "error") : ""}`, role: "status" },
    message?.text ?? "");
}

function LoginForm({ onLogin }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const result = await api("auth/login", { method: "POST", body: { username, password } });
    setPassword("");
    if (result.ok) onLogin(result.json);
    else setMessage({ ok: false, text: problemText(result) });
  };
  return h(Fragment, null,
    h("p", { className: "hint" }, "Sign in as a demo user (alice/alice, bob/bob) to start uploads."),
    h("form", { id: "login-form", onSubmit: submit, autoComplete: "on" },
      h("label", null, "User",
        h("input", { id: "login-user", name: "username", autoComplete: "username", required: true, value: username,
          autoCapitalize: "none", onChange: (e) => setUsername(e.target.value) })),
      h("label", null, "Password",
        h("input", { id: "login-password", name: "password", type: "password", autoComplete: "current-password",
          required: true, value: password, onChange: (e) => setPassword(e.target.value) })),
      h("button", { type: "submit", id: "login" }, "Log in")),
    h(Message, { id: "auth-message", message }));
}

function Account({ me, onLogin, onLogout, status }) {
  return h(Card, { id: "account", title: "Account" },
    me.userId
      ? h(Fragment, null,
        h("p", { className: "signed-in" }, "Signed in as ", h("strong", { id: "me-user" }, me.userId)),
        status,
        h("button", { type: "button", id: "logout", className: "secondary", onClick: onLogout }, "Log out"))
      : h(LoginForm, { onLogin }));
}

function ConnectionStatus({ state }) {
  const { isConnected } = useSSE();
  const kind = isConnected ? "on" : state.kind;
  const text = isConnected ? "Live" : state.text;
  return h("p", { className: `status status-${kind}`, role: "status", "aria-live": "polite" },
    h("span", { className: "dot", "aria-hidden": "true" }), h("span", { id: "status-text" }, text));
}

function UploadItem({ upload, onCancel }) {
  const { uploadId, fileName, status, error } = upload;
  const progress = Math.max(0, Math.min(100, Number(upload.progress) || 0));
  const running = !FINAL.has(status);
  return h("li", { className: `upload upload-${status}`, "data-upload-id": uploadId, "data-status": status,
    "data-progress": String(progress) },
  h("div", { className: "upload-head" },
    h("span", { className: "file" }, fileName ?? uploadId),
    h("span", { className: "upload-status" }, running ? `${progress}%` : `${status}${status === "complete" ? "" : ` at ${progress}%`}`)),
  h("div", { className: "bar", role: "progressbar", "aria-label": fileName ?? uploadId, "aria-valuemin": 0,
    "aria-valuemax": 100, "aria-valuenow": progress },
  h("div", { className: "fill", style: { width: `${progress}%` } })),
  error ? h("p", { className: "upload-error" }, error) : null,
  running ? h("button", { type: "button", className: "secondary cancel", "aria-label": `Cancel ${fileName ?? uploadId}`,
    onClick: () => onCancel(uploadId) }, "Cancel") : null);
}

function Uploads() {
  const { uploads, message, reload, start, cancel } = useUploads();
  const [fileName, setFileName] = useState("clip-1.mp4");
  const [failDemo, setFailDemo] = useState(false);
  useEffect(() => { reload(); }, [reload]);
  const { isConnected } = useSSE();
  // Whatever happened while the stream was down, the list is read again on each (re)connect.
  useEffect(() => { if (isConnected) reload(); }, [isConnected, reload]);

  const submit = async (e) => {
    e.preventDefault();
    const name = fileName.trim() || "clip.mp4";
    await start(name, failDemo ? 60 : undefined);
    setFileName(nextName(name));
  };
  const running = uploads.filter((u) => !FINAL.has(u.status)).length;
  return h(Card, { id: "uploads", title: "Uploads", wide: true },
    h("form", { id: "upload-form", className: "inline-form", onSubmit: submit },
      h("label", { className: "grow" }, "File name",
        h("input", { id: "upload-name", value: fileName, maxLength: 200, onChange: (e) => setFileName(e.target.value) })),
      h("label", { className: "check" },
        h("input", { id: "upload-fail", type: "checkbox", checked: failDemo, onChange: (e) => setFailDemo(e.target.checked) }),
        "Fail at 60%"),
      h("button", { type: "submit", id: "upload-start" }, "Start upload")),
    h(Message, { id: "upload-message", message }),
    h("p", { className: "hint" }, uploads.length
      ? `${running} running, ${uploads.length - running} finished`
      : "No uploads yet. Each one is a server job that reports its progress over the event stream."),
    h("ol", { id: "upload-list", className: "uploads" },
      uploads.map((upload) => h(UploadItem, { key: upload.uploadId, upload, onCancel: cancel }))));
}

/** clip-1.mp4 → clip-2.mp4, clip.mp4 → clip-2.mp4: the next upload gets a name of its own. */
function nextName(name) {
  const [, stem, extension] = /^(.*?)(\.[^.]*)?$/.exec(name);
  const numbered = /^(.*?)(\d+)$/.exec(stem);
  return numbered ? `${numbered[1]}${Number(numbered[2]) + 1}${extension ?? ""}` : `${stem}-2${extension ?? ""}`;
}

function Notifications() {
  const [items, setItems] = useState([]);
  const add = (kind) => ({ event, data, id }) => setItems((list) => (id && list.some((item) => item.key === id)
    ? list
    : [{ key: id || `${Date.now()}-${Math.random()}`, kind, event, data: data ?? {}, at: new Date() }, ...list]
      .slice(0, MAX_NOTIFICATIONS)));
  useSSEEvent("video-ready", add("ready"));
  useSSEEvent("video-error", add("error"));
  const [toast, setToast] = useState(null);
  const latest = items[0];
  // The newest notification also shows for a few seconds over the page: on a phone its card may be far below.
  useEffect(() => {
    if (!latest) return undefined;
    setToast(latest);
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [latest]);
  return h(Card, { id: "notifications", title: "Notifications" },
    toast ? h("div", { className: `toast note-${toast.kind}`, id: "toast", role: "status" },
      h("span", null, `${toast.kind === "ready" ? "Video ready" : "Video failed"}: ${toast.data.videoId ?? ""}`),
      h("button", { type: "button", className: "secondary", "aria-label": "Dismiss", onClick: () => setToast(null) }, "OK"))
      : null,
    items.length === 0
      ? h("p", { className: "hint", id: "no-notifications" }, "None yet: post the webhook below.")
      : h("ol", { id: "notification-list", className: "notifications" }, items.map((item) =>
        h("li", { key: item.key, className: `note note-${item.kind}`, "data-event": item.event,
          "data-video-id": String(item.data.videoId ?? "") },
        h("strong", null, item.kind === "ready" ? "Video ready" : "Video failed"),
        h("span", { className: "video-id" }, String(item.data.videoId ?? "unknown video")),
        item.data.playbackUrl ? h(PlaybackLink, { url: String(item.data.playbackUrl) }) : null,
        item.data.error ? h("span", { className: "upload-error" }, String(item.data.error)) : null,
        h("time", { dateTime: item.at.toISOString() }, item.at.toLocaleTimeString())))));
}

function PlaybackLink({ url }) {
  const safe = /^https:\/\//i.test(url);
  return safe
    ? h("a", { className: "playback", href: url, target: "_blank", rel: "noopener noreferrer" }, url)
    : h("span", { className: "playback" }, url);
}

/** Text safe inside single quotes in a POSIX shell. */
function shellQuoted(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function webhookSnippet(user, secret) {
  const body = JSON.stringify({
    type: "video.asset.ready", id: "evt-__T__",
    data: { id: "asset-1", status: "ready", passthrough: user, playback_ids: [{ id: "pb-1", policy: "public" }] },
  });
  // The event id changes with each post: Mux's id is the idempotency key, so a repeated id notifies once.
  const [before, after] = body.split("__T__");
  return [
    `BODY=${shellQuoted(before)}$(date +%s)${shellQuoted(after)}`,
    `T=$(date +%s); SIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac ${shellQuoted(secret)} | sed 's/^.* //')`,
    `curl -H "Mux-Signature: t=$T,v1=$SIG" -H 'Content-Type: application/json' -d "$BODY" ${shellQuoted(new URL("webhooks/mux", API).href)}`,
  ].join("\n");
}

function WebhookHelp({ user }) {
  const [secret, setSecret] = useState("demo-mux-secret");
  const [copied, setCopied] = useState("");
  const snippet = webhookSnippet(user, secret);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied("Copied");
    } catch {
      setCopied("Copy failed: select the text instead");
    }
  };
  return h(Card, { id: "webhook", title: "Post a signed Mux webhook", wide: true },
    h("p", { className: "hint" }, "Run this in a shell (needs curl and openssl). The server checks the signature, then tells ",
      h("strong", null, user), " that the video is ready."),
    h("label", null, "Webhook secret (sse.webhooks.mux.secret)",
      h("input", { id: "webhook-secret", value: secret, onChange: (e) => setSecret(e.target.value), spellCheck: false })),
    h("pre", { id: "webhook-snippet", className: "snippet" }, h("code", null, snippet)),
    h("div", { className: "buttons" },
      h("button", { type: "button", id: "copy-snippet", className: "secondary", onClick: copy }, "Copy"),
      h("span", { className: "hint", role: "status" }, copied)));
}

function SignedIn({ me, onLogout }) {
  const [state, setState] = useState({ kind: "wait", text: "Connecting…" });
  return h(SSEProvider, {
    url: new URL("sse", API).href,
    onDisconnect: ({ willReconnect }) => setState(willReconnect
      ? { kind: "wait", text: "Reconnecting…" } : { kind: "off", text: "Disconnected" }),
    onError: (error) => setState(error.fatal
      ? { kind: "error", text: `Stopped: ${error.message}` }
      : { kind: "wait", text: "Reconnecting…" }),
  },
  h(Account, { me, onLogout, status: h(ConnectionStatus, { state }) }),
  h(Uploads),
  h(Notifications),
  h(WebhookHelp, { user: me.userId }));
}

function App() {
  const [me, setMe] = useState(null);
  const refresh = useCallback(async () => {
    const result = await api("auth/me");
    setMe(result.ok ? { userId: result.json?.userId ?? null } : { userId: null });
  }, []);
  useEffect(() => { refresh(); }, [refresh]);
  const logout = async () => {
    await api("auth/logout", { method: "POST", body: {} });
    await refresh();
  };

  let content;
  if (me === null) content = h("p", { className: "hint loading" }, "Loading…");
  // Keyed by user: the stream's identity is fixed when it opens, so a new user gets a new stream.
  else if (me.userId) content = h(SignedIn, { key: me.userId, me, onLogout: logout });
  else content = h(Account, { me, onLogin: (json) => setMe({ userId: json.userId }) });

  return h(Fragment, null,
    h("header", null,
      h("h1", null, "Uploads"),
      h("p", { className: "tagline" }, "sse-notify example: live progress and webhook notifications with React"),
      h("nav", null, h("a", { href: "../../sse-test/" }, "Test page"))),
    h("main", { id: "app", "data-ready": "true" }, content));
}

createRoot(document.getElementById("root")).render(h(App));
