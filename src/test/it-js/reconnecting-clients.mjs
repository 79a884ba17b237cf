// Third-party and own clients against a running server, through a TCP proxy that severs their streams:
// cut right after sse.connected, publish, and everything arrives once after the client's own reconnect;
// cut ten times in a row, and the client is never refused. Run by ReconnectingClientsIT with SSE_BASE set.
// Every wait is bounded; any failure exits non-zero with what was seen.
import assert from "node:assert/strict";
import net from "node:net";
import { EventSource } from "eventsource";
import { createSseClient } from "../../main/webapp/js/sse-client.js";

const base = new URL(process.env.SSE_BASE);
const basic = (user) => "Basic " + Buffer.from(`${user}:${user}`).toString("base64");

function proxy() {
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(base.port), base.hostname);
    for (const [from, to] of [[client, upstream], [upstream, client]]) {
      sockets.add(from);
      from.pipe(to);
      from.on("error", () => to.destroy());
      from.on("close", () => { sockets.delete(from); to.destroy(); });
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}/api/sse`,
    cutAll: () => { for (const s of sockets) s.destroy(); },
    close: () => new Promise((done) => { for (const s of sockets) s.destroy(); server.close(done); }),
  })));
}

async function publish(user, event, data) {
  const response = await fetch(new URL("api/sse-test", base), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: basic("admin") },
    body: JSON.stringify({ event, data, target: "user", userId: user }),
  });
  assert.equal(response.status, 202, await response.text());
}

async function until(condition, what, ms = 15000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Opens a client of the given kind as `user` through the proxy; returns what it saw and how to close it.
function open(kind, url, user) {
  const seen = { connected: 0, missed: [], errors: [], closedForGood: false };
  if (kind === "eventsource") {
    const source = new EventSource(url, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, Authorization: basic(user) } }),
    });
    source.addEventListener("sse.connected", () => { seen.connected += 1; });
    source.addEventListener("missed", (e) => seen.missed.push(Number(e.data)));
    source.addEventListener("error", (e) => {
      seen.errors.push(e.code ?? e.message);
      if (source.readyState === EventSource.CLOSED) seen.closedForGood = true;
    });
    return { seen, close: () => source.close() };
  }
  const client = createSseClient({
    url,
    authorization: basic(user),
    retryMs: 200,
    ack: false,
    onConnect: () => { seen.connected += 1; },
    onError: (error) => { seen.errors.push(error.status ?? error.message); if (error.fatal) seen.closedForGood = true; },
  });
  client.on("missed", (e) => seen.missed.push(e.data));
  return { seen, close: () => client.disconnect() };
}

async function scenario(kind, user) {
  const net = await proxy();
  const client = open(kind, net.url, user);
  try {
    await until(() => client.seen.connected === 1, `${kind}: first sse.connected`);
    net.cutAll();
    for (let n = 0; n < 3; n++) await publish(user, "missed", n);
    await until(() => client.seen.missed.length >= 3, `${kind}: the three events published while it was cut`);
    for (let i = 0; i < 10; i++) {
      const before = client.seen.connected;
      net.cutAll();
      await until(() => client.seen.connected > before || client.seen.closedForGood, `${kind}: reconnect ${i + 1}`);
      assert.equal(client.seen.closedForGood, false, `${kind}: refused for good after cut ${i + 1}: ${client.seen.errors}`);
    }
    await publish(user, "missed", 3);
    await until(() => client.seen.missed.includes(3), `${kind}: an event after ten cuts`);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(client.seen.missed, [0, 1, 2, 3], `${kind}: each event once, in order`);
    console.log(`${kind}: ok (${client.seen.connected} connections, errors seen: ${client.seen.errors.length})`);
  } finally {
    client.close();
    await net.close();
  }
}

try {
  await scenario("eventsource", "alice");
  await scenario("sse-client", "bob");
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
