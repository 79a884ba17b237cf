import { describe, test, mock } from "node:test";
import assert from "node:assert/strict";
import { createSseClient } from "../../main/webapp/js/sse-client.js";
import { GREETING, eventStream, fakeClock, fakeFetch, hang, jsonResponse, settle, virtualClient } from "./fakes.mjs";

const T = { timeout: 5000 };

/** A client on a virtual clock; `log` records every callback in order. */
const setup = (route, options = {}) => virtualClient(createSseClient, route, options);

// Every GET answers with a fresh stream; POSTs (acks) get 204.
const streams = (call) => (call.method === "GET" ? eventStream(call) : new Response(null, { status: 204 }));

describe("request", () => {
  test("GET with Accept, same-origin credentials and no Last-Event-ID the first time", T, async () => {
    const { server } = setup(streams);
    await settle();
    const [call] = server.gets();
    assert.match(call.url, /^\/api\/sse\?clientKey=[0-9a-f]{32}$/);
    assert.equal(call.headers.Accept, "text/event-stream");
    assert.equal(call.credentials, "same-origin");
    assert.equal(call.headers["Last-Event-ID"], undefined);
    assert.equal(call.headers.Authorization, undefined);
  });

  test("Authorization, extra headers and withCredentials", T, async () => {
    const { server } = setup(streams, {
      url: "https://api.example.test/api/sse",
      authorization: "Basic YWxpY2U6YWxpY2U=",
      headers: { "X-Tenant": "t1" },
      withCredentials: true,
    });
    await settle();
    const [call] = server.gets();
    assert.match(call.url, /^https:\/\/api\.example\.test\/api\/sse\?clientKey=/);
    assert.equal(call.headers.Authorization, "Basic YWxpY2U6YWxpY2U=");
    assert.equal(call.headers["X-Tenant"], "t1");
    assert.equal(call.credentials, "include");
  });

  test("authorization may be an async function, asked again on each connection", T, async () => {
    let n = 0;
    const { server, clock } = setup(streams, { authorization: async () => `Bearer t${++n}` });
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    assert.deepEqual(server.gets().map((c) => c.headers.Authorization), ["Bearer t1", "Bearer t2"]);
  });

  test("every connection of a client carries the same clientKey; another client has its own", T, async () => {
    const { server, clock, client } = setup(streams, { url: "/api/sse?topic=a" });
    await settle();
    server.lastStream.send(GREETING());
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    const [first, second] = server.gets().map((c) => c.url);
    assert.equal(first, second);
    assert.equal(first, `/api/sse?topic=a&clientKey=${client.clientKey}`);
    const other = setup(streams);
    await settle();
    assert.notEqual(other.client.clientKey, client.clientKey);
  });

  test("clientKey can be chosen, or left out", T, async () => {
    const chosen = setup(streams, { clientKey: "tab-7" });
    const none = setup(streams, { clientKey: null });
    await settle();
    assert.equal(chosen.server.gets()[0].url, "/api/sse?clientKey=tab-7");
    assert.equal(none.server.gets()[0].url, "/api/sse");
  });

  test("autoConnect false waits for connect(); connect() twice opens one stream", T, async () => {
    const { server, client } = setup(streams, { autoConnect: false });
    await settle();
    assert.equal(server.calls.length, 0);
    client.connect();
    client.connect();
    await settle();
    assert.equal(server.gets().length, 1);
  });
});

describe("events", () => {
  test("sse.connected sets the ids and connects, but is not a message", T, async () => {
    const { server, client, of } = setup(streams);
    await settle();
    assert.equal(client.isConnected, false, "not connected before the greeting");
    server.lastStream.send(GREETING({ clientId: "abc", userId: "alice", sessionId: "s-9", heartbeatSeconds: 30 }));
    await settle();
    assert.equal(client.isConnected, true);
    assert.equal(client.clientId, "abc");
    assert.equal(client.userId, "alice");
    assert.equal(client.sessionId, "s-9");
    assert.deepEqual(of("connect"), [{ clientId: "abc", userId: "alice", sessionId: "s-9", heartbeatSeconds: 30 }]);
    assert.equal(client.lastEvent, null);
    assert.deepEqual(of("message"), []);
  });

  test("every named event reaches onMessage, on(name) and lastEvent as the same { event, data, id }", T, async () => {
    const { server, client, of } = setup(streams);
    const seen = [];
    const off = client.on("video-ready", (e) => seen.push(e));
    await settle();
    const s = server.lastStream;
    s.send(GREETING());
    s.send('event: video-ready\nid: e-1\ndata: {"videoId":"v-1"}\n\n');
    s.send("event: note\nid: e-2\ndata: plain text\n\n");
    await settle();
    const first = { event: "video-ready", data: { videoId: "v-1" }, id: "e-1" };
    const second = { event: "note", data: "plain text", id: "e-2" };
    assert.deepEqual(of("message"), [first, second]);
    assert.deepEqual(seen, [first]);
    assert.equal(of("message")[0], seen[0], "one object for every listener");
    assert.deepEqual(client.lastEvent, second);
    off();
    s.send("event: video-ready\nid: e-3\ndata: 1\n\n");
    await settle();
    assert.equal(seen.length, 1, "unsubscribed");
    assert.deepEqual(client.lastEvent, { event: "video-ready", data: 1, id: "e-3" });
  });

  test("sse.gap goes to onGap and on('sse.gap'), not to lastEvent or onMessage, and is not acked", T, async () => {
    const { server, client, of } = setup(streams);
    const gaps = [];
    client.on("sse.gap", (e) => gaps.push(e));
    await settle();
    server.lastStream.send(GREETING());
    server.lastStream.send('event: sse.gap\nid: g-1\ndata: {"oldestId":"e-5"}\n\n');
    await settle();
    const gap = { event: "sse.gap", data: { oldestId: "e-5" }, id: "g-1" };
    assert.deepEqual(of("gap"), [gap]);
    assert.deepEqual(gaps, [gap]);
    assert.equal(client.lastEvent, null);
    assert.deepEqual(of("message"), []);
    await settle();
    assert.equal(server.posts().length, 0);
  });

  test("heartbeat comments are not events", T, async () => {
    const { server, of } = setup(streams);
    await settle();
    server.lastStream.send(GREETING() + ": heartbeat\n\n");
    await settle();
    assert.deepEqual(of("message"), []);
  });

  test("a throwing listener does not stop the others or the stream", T, async () => {
    const errors = mock.method(console, "error", () => {});
    try {
      const { server, client, of } = setup(streams, { onMessage: () => { throw new Error("app bug"); } });
      const seen = [];
      client.on("x", () => { throw new Error("app bug 2"); });
      client.on("x", (e) => seen.push(e.data));
      await settle();
      server.lastStream.send(GREETING() + "event: x\ndata: 1\n\nevent: x\ndata: 2\n\n");
      await settle();
      assert.deepEqual(seen, [1, 2]);
      assert.equal(client.isConnected, true);
      assert.deepEqual(of("error"), []);
      assert.equal(errors.mock.callCount(), 4);
    } finally {
      errors.mock.restore();
    }
  });

  test("a listener that disconnects stops the rest of the chunk from being delivered", T, async () => {
    const { server, client } = setup(streams);
    const seen = [];
    client.on("x", (e) => { seen.push(e.data); client.disconnect(); });
    await settle();
    server.lastStream.send(GREETING() + "event: x\ndata: 1\n\nevent: x\ndata: 2\n\n");
    await settle();
    assert.deepEqual(seen, [1]);
  });
});

describe("reconnect", () => {
  const failing = (status, headers) => (call) => (call.method === "GET" ? jsonResponse(status, { status }, headers) : null);

  test("backoff doubles from the base retry up to the cap", T, async () => {
    const { server, clock } = setup(failing(500), { maxBackoffMs: 60000 });
    await settle();
    const delays = [];
    for (let i = 0; i < 7; i++) {
      delays.push(clock.pending()[0]);
      await clock.advance(clock.pending()[0]);
    }
    assert.deepEqual(delays, [5000, 10000, 20000, 40000, 60000, 60000, 60000]);
    assert.equal(server.gets().length, 8);
  });

  test("the delay is jittered over the whole window", T, async () => {
    const randoms = [0.5, 0.1, 0.9];
    const { clock } = setup(failing(502), { random: () => randoms.shift() });
    await settle();
    const delays = [];
    for (let i = 0; i < 3; i++) {
      delays.push(clock.pending()[0]);
      await clock.advance(clock.pending()[0]);
    }
    assert.deepEqual(delays, [2500, 1000, 18000]);
  });

  test("the server's retry is the base", T, async () => {
    const { server, clock } = setup(streams);
    await settle();
    server.lastStream.send(GREETING().replace("retry: 5000", "retry: 1200"));
    await settle();
    server.lastStream.close();
    await settle();
    assert.deepEqual(clock.pending(), [1200]);
  });

  test("backoff resets after a successful connection", T, async () => {
    let n = 0;
    const { server, clock, of } = setup((call) => (++n <= 3 ? jsonResponse(500, {}) : eventStream(call)));
    await settle();
    await clock.advance(5000);
    await clock.advance(10000);
    assert.deepEqual(clock.pending(), [20000]);
    await clock.advance(20000);
    server.lastStream.send(GREETING());
    await settle();
    server.lastStream.close();
    await settle();
    assert.deepEqual(clock.pending(), [5000], "back to the base");
    assert.deepEqual(of("disconnect"), [{ reason: "closed", willReconnect: true }]);
    assert.equal(of("error").length, 3, "the three 500s, not the clean close");
  });

  test("network failures are reported and retried", T, async () => {
    let n = 0;
    const { server, clock, of } = setup((call) => {
      if (++n === 1) throw new TypeError("Failed to fetch");
      return eventStream(call);
    });
    await settle();
    const [error] = of("error");
    assert.equal(error.message, "Failed to fetch");
    assert.equal(error.fatal, false);
    assert.equal(error.retryInMs, 5000);
    await clock.advance(5000);
    assert.equal(server.gets().length, 2);
  });

  test("a stream error mid-way drops and reconnects", T, async () => {
    const { server, clock, client, of } = setup(streams);
    await settle();
    server.lastStream.send(GREETING());
    await settle();
    server.lastStream.fail(new TypeError("network error"));
    await settle();
    assert.equal(client.isConnected, false);
    assert.deepEqual(of("disconnect"), [{ reason: "error", willReconnect: true }]);
    assert.equal(of("error")[0].message, "network error");
    await clock.advance(5000);
    assert.equal(server.gets().length, 2);
  });

  test("a 200 that is not an event stream is retried", T, async () => {
    const { server, clock, of } = setup((call) => jsonResponse(200, { login: "page" }));
    await settle();
    assert.match(of("error")[0].message, /not an event stream/);
    await clock.advance(5000);
    assert.equal(server.gets().length, 2);
  });

  test("Last-Event-ID carries the last id seen into the next connection", T, async () => {
    const { server, clock } = setup(streams);
    await settle();
    server.lastStream.send(GREETING() + "event: a\nid: e-1\ndata: 1\n\nevent: a\nid: e-2\ndata: 2\n\n");
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    // A greeting without an id (an older server) keeps the id seen before it.
    server.lastStream.send(GREETING());
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    assert.deepEqual(server.gets().map((c) => c.headers["Last-Event-ID"]), [undefined, "e-2", "e-2"]);
  });

  test("the greeting's id is where a client cut right after it resumes", T, async () => {
    const { server, clock } = setup(streams);
    await settle();
    server.lastStream.send("event: sse.connected\nid: ep-41\nretry: 5000\ndata: {\"clientId\":\"c1\"}\n\n");
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    assert.equal(server.gets()[1].headers["Last-Event-ID"], "ep-41");
  });

  test("a non-ASCII id goes back as its UTF-8 bytes, which fetch accepts", T, async () => {
    const { server, clock } = setup(streams);
    await settle();
    server.lastStream.send(GREETING() + "event: a\nid: évé-€-1\ndata: 1\n\n");
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    const sent = server.gets()[1].headers["Last-Event-ID"];
    assert.ok([...sent].every((c) => c.charCodeAt(0) <= 0xff), "a ByteString");
    assert.equal(new TextDecoder().decode(Uint8Array.from(sent, (c) => c.charCodeAt(0))), "évé-€-1");
    assert.doesNotThrow(() => new Headers({ "Last-Event-ID": sent }));
  });

  for (const status of [401, 403, 404]) {
    test(`${status} stops for good and says so through onError`, T, async () => {
      const { server, clock, client, of } = setup(failing(status));
      await settle();
      const [error] = of("error");
      assert.equal(error.status, status);
      assert.equal(error.fatal, true);
      assert.equal(error.retryInMs, null);
      assert.deepEqual(clock.pending(), []);
      await clock.advance(3600_000);
      assert.equal(server.gets().length, 1);
      assert.equal(client.isConnected, false);
    });
  }

  test("429 with Retry-After in seconds waits at least that long", T, async () => {
    const { server, clock, of } = setup(failing(429, { "Retry-After": "7" }), { random: () => 0 });
    await settle();
    assert.equal(of("error")[0].status, 429);
    assert.equal(of("error")[0].retryInMs, 7000);
    await clock.advance(6999);
    assert.equal(server.gets().length, 1);
    await clock.advance(1);
    assert.equal(server.gets().length, 2);
  });

  test("503 with Retry-After as an HTTP date", T, async () => {
    const start = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    const clock = fakeClock(start);
    const server = fakeFetch(failing(503, { "Retry-After": "Wed, 21 Oct 2015 07:28:12 GMT" }));
    createSseClient({ fetch: server.fetch, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, now: clock.now, random: () => 0 });
    await settle();
    assert.deepEqual(clock.pending(), [12000]);
  });

  test("Retry-After is a floor: the jittered backoff comes on top so refused clients do not return together", T, async () => {
    const { clock } = setup(failing(503, { "Retry-After": "5" }), { random: () => 0.5 });
    await settle();
    assert.deepEqual(clock.pending(), [5000 + 2500]);
  });

  test("no bytes for 2.5 x heartbeatSeconds aborts and reconnects; any bytes keep it alive", T, async () => {
    const { server, clock, client, of } = setup(streams);
    await settle();
    const first = server.lastStream;
    first.send(GREETING({ heartbeatSeconds: 2 }));
    await settle();
    await clock.advance(4900);
    first.send(": heartbeat\n\n");
    await settle();
    await clock.advance(4900);
    first.send("x"); // half a line is still a sign of life
    await settle();
    await clock.advance(4900);
    assert.equal(first.aborted, false);
    assert.equal(client.isConnected, true);
    await clock.advance(100);
    assert.equal(first.aborted, true);
    assert.equal(client.isConnected, false);
    assert.deepEqual(of("disconnect"), [{ reason: "heartbeat-timeout", willReconnect: true }]);
    assert.match(of("error")[0].message, /no data/);
    await clock.advance(5000);
    assert.equal(server.gets().length, 2);
  });

  test("a server that never answers the request is abandoned after the default heartbeat window", T, async () => {
    const { server, clock } = setup(hang);
    await settle();
    await clock.advance(75000);
    assert.equal(server.calls[0].signal.aborted, true);
    await clock.advance(5000);
    assert.equal(server.gets().length, 2);
  });

  test("heartbeatSeconds 0 means no watchdog", T, async () => {
    const { server, clock } = setup(streams);
    await settle();
    server.lastStream.send(GREETING({ heartbeatSeconds: 0 }));
    await settle();
    assert.deepEqual(clock.pending(), []);
  });
});

describe("disconnect", () => {
  test("aborts the request, reports it and does not reconnect", T, async () => {
    const { server, clock, client, of } = setup(streams);
    await settle();
    server.lastStream.send(GREETING());
    await settle();
    client.disconnect();
    assert.equal(server.lastStream.aborted, true);
    assert.equal(client.isConnected, false);
    await settle();
    assert.deepEqual(of("disconnect"), [{ reason: "disconnect", willReconnect: false }]);
    assert.deepEqual(of("error"), []);
    assert.deepEqual(clock.pending(), []);
    await clock.advance(3600_000);
    assert.equal(server.gets().length, 1);
  });

  test("while the request is pending", T, async () => {
    const { server, clock, client } = setup(hang);
    await settle();
    client.disconnect();
    assert.equal(server.calls[0].signal.aborted, true);
    await clock.advance(3600_000);
    assert.equal(server.gets().length, 1);
  });

  test("while waiting to reconnect cancels the reconnect", T, async () => {
    const { server, clock, client } = setup(() => jsonResponse(500, {}));
    await settle();
    assert.equal(clock.pending().length, 1);
    client.disconnect();
    assert.deepEqual(clock.pending(), []);
    await clock.advance(3600_000);
    assert.equal(server.gets().length, 1);
  });

  test("connect() after disconnect() opens a new stream that resumes from the last id", T, async () => {
    const { server, client } = setup(streams);
    await settle();
    server.lastStream.send(GREETING() + "event: a\nid: e-9\ndata: 1\n\n");
    await settle();
    client.disconnect();
    client.connect();
    await settle();
    assert.equal(server.gets().length, 2);
    assert.equal(server.gets()[1].headers["Last-Event-ID"], "e-9");
  });
});

describe("ack", () => {
  async function connected(options) {
    const ctx = setup(streams, options);
    await settle();
    ctx.server.lastStream.send(GREETING());
    await settle();
    return ctx;
  }
  const event = (id) => `event: a\nid: ${id}\ndata: {}\n\n`;

  test("acks the newest id once per 250 ms, after the handlers ran", T, async () => {
    const order = [];
    const { server, clock, client } = await connected();
    client.on("a", (e) => order.push(`handler ${e.id}`));
    server.lastStream.send(event("e-1") + event("e-2"));
    await settle();
    server.lastStream.send(event("e-3"));
    await settle();
    assert.equal(server.posts().length, 0, "nothing before the window closes");
    await clock.advance(250);
    assert.deepEqual(server.posts().map((c) => [c.url, c.body, c.headers["Content-Type"]]),
      [["/api/sse/ack", { lastEventId: "e-3" }, "application/json"]]);
    assert.deepEqual(order, ["handler e-1", "handler e-2", "handler e-3"]);
    server.lastStream.send(event("e-4"));
    await settle();
    await clock.advance(249);
    assert.equal(server.posts().length, 1);
    await clock.advance(1);
    assert.deepEqual(server.posts().map((c) => c.body.lastEventId), ["e-3", "e-4"]);
  });

  test("events without an id are not acked, nor is the same id twice", T, async () => {
    const { server, clock } = await connected();
    server.lastStream.send("event: a\ndata: 1\n\n");
    await clock.advance(1000);
    assert.equal(server.posts().length, 0);
    server.lastStream.send(event("e-1"));
    await clock.advance(1000);
    server.lastStream.send("event: a\ndata: 2\n\n"); // inherits id e-1
    await clock.advance(1000);
    assert.deepEqual(server.posts().map((c) => c.body.lastEventId), ["e-1"]);
  });

  test("a 404 stops acking on that connection; the next connection tries again", T, async () => {
    let ackAnswers = 0;
    const route = (call) => {
      if (call.method === "GET") return eventStream(call);
      ackAnswers++;
      return jsonResponse(404, { status: 404 });
    };
    const ctx = setup(route);
    await settle();
    ctx.server.lastStream.send(GREETING() + event("e-1"));
    await ctx.clock.advance(250);
    assert.equal(ackAnswers, 1);
    ctx.server.lastStream.send(event("e-2"));
    await ctx.clock.advance(1000);
    ctx.server.lastStream.send(event("e-3"));
    await ctx.clock.advance(1000);
    assert.equal(ctx.server.posts().length, 1, "no more acks after the 404");
    ctx.server.lastStream.close();
    await ctx.clock.advance(5000);
    ctx.server.lastStream.send(GREETING() + event("e-4"));
    await ctx.clock.advance(250);
    assert.deepEqual(ctx.server.posts().map((c) => c.body.lastEventId), ["e-1", "e-4"]);
  });

  test("ack: false never posts", T, async () => {
    const { server, clock } = await connected({ ack: false });
    server.lastStream.send(event("e-1"));
    await clock.advance(1000);
    assert.equal(server.posts().length, 0);
  });

  test("acks carry the same credentials and Authorization as the stream", T, async () => {
    const { server, clock } = await connected({ authorization: "Bearer t", withCredentials: true, ackUrl: "/custom/ack" });
    server.lastStream.send(event("e-1"));
    await clock.advance(250);
    const [post] = server.posts();
    assert.equal(post.url, "/custom/ack");
    assert.equal(post.headers.Authorization, "Bearer t");
    assert.equal(post.credentials, "include");
  });

  test("a failing ack is not retried for its own sake and does not disturb the stream", T, async () => {
    const route = (call) => (call.method === "GET" ? eventStream(call) : Promise.reject(new TypeError("offline")));
    const ctx = setup(route);
    await settle();
    ctx.server.lastStream.send(GREETING() + event("e-1"));
    await ctx.clock.advance(1000);
    ctx.server.lastStream.send(event("e-2"));
    await ctx.clock.advance(250);
    assert.deepEqual(ctx.server.posts().map((c) => c.body.lastEventId), ["e-1", "e-2"]);
    assert.equal(ctx.client.isConnected, true);
    assert.deepEqual(ctx.of("error"), []);
  });

  test("disconnect drops a pending ack", T, async () => {
    const { server, clock, client } = await connected();
    server.lastStream.send(event("e-1"));
    await settle();
    client.disconnect();
    await clock.advance(1000);
    assert.equal(server.posts().length, 0);
  });
});
