import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { GREETING, eventStream, fakeClock, fakeFetch, jsonResponse, settle } from "./fakes.mjs";

const T = { timeout: 10000 };

// react-dom decides at import time whether it runs in a browser, so the DOM globals must exist first.
const dom = new JSDOM("<!doctype html><html><body><div id=root></div></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
// Node 20 has no navigator of its own (Node 21+ does, and it is enough for react-dom).
if (typeof globalThis.navigator === "undefined") {
  Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const { default: React, act } = await import("react");
const { createRoot } = await import("react-dom/client");
const { SSEProvider, useSSE, useSSEEvent } = await import("../../main/webapp/js/sse-react.js");
const h = React.createElement;

after(() => dom.window.close());

/** Renders `children` inside an SSEProvider wired to a fake server and a virtual clock. */
async function mount(children, { route, ...props } = {}) {
  const clock = fakeClock();
  const server = fakeFetch(route ?? ((call) => (call.method === "GET" ? eventStream(call) : new Response(null, { status: 204 }))));
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  const provider = (extra = {}) => h(SSEProvider, {
    fetch: server.fetch,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    now: clock.now,
    random: () => 1,
    ...props,
    children,
    ...extra,
  });
  await act(async () => {
    root.render(provider());
    await settle();
  });
  return {
    clock,
    server,
    container,
    rerender: (extra) => act(async () => { root.render(provider(extra)); await settle(); }),
    send: (text) => act(async () => { server.lastStream.send(text); await settle(); }),
    unmount: () => act(async () => { root.unmount(); await settle(); }),
  };
}

/** A component that hands its useSSE() result to the test on every render. */
function probe() {
  const seen = { current: null, renders: 0 };
  function Probe() {
    seen.current = useSSE();
    seen.renders++;
    return null;
  }
  return [seen, h(Probe)];
}

describe("SSEProvider and useSSE", () => {
  test("connects on mount; isConnected and lastEvent follow the stream", T, async () => {
    const [seen, ui] = probe();
    const { server, send, unmount } = await mount(ui);
    assert.equal(server.gets().length, 1);
    assert.match(server.gets()[0].url, /^\/api\/sse\?clientKey=/);
    assert.equal(seen.current.isConnected, false);
    assert.equal(seen.current.lastEvent, null);
    await send(GREETING());
    assert.equal(seen.current.isConnected, true);
    assert.equal(seen.current.lastEvent, null, "the greeting is not an app event");
    await send('event: video-ready\nid: e-1\ndata: {"videoId":"v-1"}\n\n');
    assert.deepEqual(seen.current.lastEvent, { event: "video-ready", data: { videoId: "v-1" }, id: "e-1" });
    await unmount();
  });

  test("renders nothing of its own", T, async () => {
    const { container, unmount } = await mount(h("span", null, "child"));
    assert.equal(container.innerHTML, "<span>child</span>");
    await unmount();
  });

  test("passes the url and the callbacks through", T, async () => {
    const calls = [];
    const { server, send, unmount } = await mount(null, {
      url: "/other/sse",
      onConnect: (info) => calls.push(["connect", info.clientId]),
      onMessage: (e) => calls.push(["message", e.event]),
      onDisconnect: (info) => calls.push(["disconnect", info.reason]),
    });
    assert.match(server.gets()[0].url, /^\/other\/sse\?clientKey=/);
    await send(GREETING({ clientId: "c-7" }) + "event: a\ndata: 1\n\n");
    await unmount();
    assert.deepEqual(calls, [["connect", "c-7"], ["message", "a"], ["disconnect", "disconnect"]]);
  });

  test("the latest callback props are used without reconnecting", T, async () => {
    const calls = [];
    const { server, send, rerender, unmount } = await mount(null, { onMessage: () => calls.push("old") });
    await rerender({ onMessage: () => calls.push("new") });
    await send(GREETING() + "event: a\ndata: 1\n\n");
    assert.deepEqual(calls, ["new"]);
    assert.equal(server.gets().length, 1);
    await unmount();
  });

  test("onError receives refusals", T, async () => {
    const errors = [];
    const { unmount } = await mount(null, { route: () => jsonResponse(401, {}), onError: (e) => errors.push(e.status) });
    assert.deepEqual(errors, [401]);
    await unmount();
  });

  test("unmount aborts the connection and nothing reconnects", T, async () => {
    const { server, clock, send, unmount } = await mount(null);
    await send(GREETING());
    const stream = server.lastStream;
    assert.equal(stream.aborted, false);
    await unmount();
    assert.equal(stream.aborted, true);
    await clock.advance(3600_000);
    assert.equal(server.gets().length, 1);
  });

  test("autoConnect false waits for connect(); disconnect() closes", T, async () => {
    const [seen, ui] = probe();
    const { server, send, unmount } = await mount(ui, { autoConnect: false });
    assert.equal(server.gets().length, 0);
    await act(async () => { seen.current.connect(); await settle(); });
    assert.equal(server.gets().length, 1);
    await send(GREETING());
    assert.equal(seen.current.isConnected, true);
    await act(async () => { seen.current.disconnect(); await settle(); });
    assert.equal(seen.current.isConnected, false);
    assert.equal(server.lastStream.aborted, true);
    await unmount();
  });

  test("StrictMode's mount, unmount, mount leaves exactly one live stream", T, async () => {
    const clock = fakeClock();
    const server = fakeFetch((call) => eventStream(call));
    const root = createRoot(document.createElement("div"));
    await act(async () => {
      root.render(h(React.StrictMode, null, h(SSEProvider, { fetch: server.fetch, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout })));
      await settle();
    });
    assert.equal(server.streams.filter((s) => !s.aborted).length, 1);
    await act(async () => { root.unmount(); await settle(); });
    assert.equal(server.streams.filter((s) => !s.aborted).length, 0);
  });

  test("useSSE outside a provider says so", T, async () => {
    const root = createRoot(document.createElement("div"));
    function Lost() {
      useSSE();
      return null;
    }
    const originalError = console.error;
    console.error = () => {}; // React logs the render error too
    try {
      await assert.rejects(async () => act(async () => { root.render(h(Lost)); }), /inside <SSEProvider>/);
    } finally {
      console.error = originalError;
    }
  });
});

describe("useSSEEvent", () => {
  test("receives only events of its name, with the latest handler", T, async () => {
    const got = [];
    function Listener({ tag }) {
      useSSEEvent("video-ready", (e) => got.push([tag, e]));
      return null;
    }
    const { send, rerender, unmount, server } = await mount(null);
    await rerender({ children: h(Listener, { tag: "first" }) });
    await send(GREETING() + 'event: other\nid: 1\ndata: "x"\n\nevent: video-ready\nid: 2\ndata: {"videoId":"v-2"}\n\n');
    await rerender({ children: h(Listener, { tag: "second" }) });
    await send("event: video-ready\nid: 3\ndata: 3\n\n");
    assert.deepEqual(got, [
      ["first", { event: "video-ready", data: { videoId: "v-2" }, id: "2" }],
      ["second", { event: "video-ready", data: 3, id: "3" }],
    ]);
    assert.equal(server.gets().length, 1, "re-rendering did not reconnect");
    await unmount();
  });

  test("can subscribe to sse.gap", T, async () => {
    const gaps = [];
    function Gap() {
      useSSEEvent("sse.gap", (e) => gaps.push(e.data));
      return null;
    }
    const { send, unmount } = await mount(h(Gap));
    await send(GREETING() + 'event: sse.gap\ndata: {"oldestId":"e-1"}\n\n');
    assert.deepEqual(gaps, [{ oldestId: "e-1" }]);
    await unmount();
  });

  test("stops receiving when the component unmounts", T, async () => {
    const got = [];
    function Listener() {
      useSSEEvent("a", (e) => got.push(e.data));
      return null;
    }
    const { send, rerender, unmount } = await mount(h(Listener));
    await send(GREETING() + "event: a\ndata: 1\n\n");
    await rerender({ children: null });
    await send("event: a\ndata: 2\n\n");
    assert.deepEqual(got, [1]);
    await unmount();
  });

  test("does not re-render its component on every event", T, async () => {
    let renders = 0;
    function Listener() {
      renders++;
      useSSEEvent("a", () => {});
      return null;
    }
    const { send, unmount } = await mount(h(Listener));
    const before = renders;
    await send(GREETING() + "event: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
    assert.equal(renders, before);
    await unmount();
  });
});

describe("sendEvent", () => {
  function route(call) {
    if (call.method === "GET") return eventStream(call);
    if (call.url === "/api/sse-test") return jsonResponse(202, { eventId: "e-77", target: "user", queued: 2 });
    return new Response(null, { status: 204 });
  }

  test("posts JSON to /api/sse-test for the caller's own user and returns the receipt", T, async () => {
    const [seen, ui] = probe();
    const { server, unmount } = await mount(ui, { route });
    let receipt;
    await act(async () => { receipt = await seen.current.sendEvent("video-ready", { videoId: "v-1" }); });
    assert.deepEqual(receipt, { eventId: "e-77", target: "user", queued: 2 });
    const [post] = server.posts();
    assert.equal(post.url, "/api/sse-test");
    assert.equal(post.headers["Content-Type"], "application/json");
    assert.equal(post.credentials, "same-origin");
    assert.deepEqual(post.body, { event: "video-ready", data: { videoId: "v-1" }, target: "user" });
    await unmount();
  });

  test("options extend or override the body; credentials and Authorization follow the provider", T, async () => {
    const [seen, ui] = probe();
    const { server, unmount } = await mount(ui, {
      route: (call) => (call.method === "GET" ? eventStream(call) : jsonResponse(202, { eventId: "e-1", target: "all", queued: 0 })),
      url: "https://api.example.test/api/sse",
      withCredentials: true,
      authorization: "Basic YWRtaW46YWRtaW4=",
    });
    await act(async () => { await seen.current.sendEvent("maintenance", { in: "5 minutes" }, { target: "all" }); });
    const [post] = server.posts();
    assert.equal(post.url, "https://api.example.test/api/sse-test");
    assert.deepEqual(post.body, { event: "maintenance", data: { in: "5 minutes" }, target: "all" });
    assert.equal(post.credentials, "include");
    assert.equal(post.headers.Authorization, "Basic YWRtaW46YWRtaW4=");
    await unmount();
  });

  test("a refusal rejects with the status and the problem body", T, async () => {
    const [seen, ui] = probe();
    const problem = { type: "about:blank", title: "Forbidden", status: 403, detail: "sending to another user needs role sse-admin" };
    const { unmount } = await mount(ui, {
      route: (call) => (call.method === "GET" ? eventStream(call) : jsonResponse(403, problem)),
    });
    await act(async () => {
      await assert.rejects(seen.current.sendEvent("x", 1, { userId: "bob" }), (error) => {
        assert.equal(error.status, 403);
        assert.equal(error.message, problem.detail);
        assert.deepEqual(error.problem, problem);
        return true;
      });
    });
    await unmount();
  });
});
