import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSseClient } from "../../main/webapp/js/sse-client.js";
import { GREETING, eventStream, jsonResponse, settle, virtualClient } from "./fakes.mjs";

const T = { timeout: 5000 };

const setup = (route, options = {}) => virtualClient(createSseClient, route, options);

// A token provider that hands out t1, t2, ... and records whether a refresh was asked for.
function tokens() {
  const asks = [];
  let n = 0;
  const getToken = async ({ refresh }) => {
    asks.push(refresh);
    if (refresh || n === 0) n += 1;
    return `t${n}`;
  };
  return { asks, getToken };
}

describe("getToken", () => {
  test("the token goes as a bearer header, and getToken is asked before every connection", T, async () => {
    const provider = tokens();
    const { server, clock } = setup((call) => eventStream(call), { getToken: provider.getToken });
    await settle();
    server.lastStream.send(GREETING());
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    assert.deepEqual(server.gets().map((c) => c.headers.Authorization), ["Bearer t1", "Bearer t1"]);
    assert.deepEqual(provider.asks, [false, false]);
  });

  test("a 401 asks for a fresh token and retries at once; a second 401 gives up", T, async () => {
    const provider = tokens();
    const accepted = new Set(["Bearer t2"]);
    const route = (call) => (call.method === "GET" && !accepted.has(call.headers.Authorization)
      ? jsonResponse(401, { title: "Unauthorized" })
      : call.method === "GET" ? eventStream(call) : new Response(null, { status: 204 }));
    const { server, clock, of } = setup(route, { getToken: provider.getToken });
    await settle();
    await clock.advance(0);
    await settle();
    assert.deepEqual(server.gets().map((c) => c.headers.Authorization), ["Bearer t1", "Bearer t2"]);
    assert.deepEqual(provider.asks, [false, true]);
    assert.equal(of("error")[0].fatal, false, "the first 401 is not the end");
    server.lastStream.send(GREETING());
    await settle();

    accepted.clear(); // the provider's tokens are refused from now on
    server.lastStream.close();
    await clock.advance(5000);
    await clock.advance(0);
    await settle();
    assert.equal(of("error").at(-1).status, 401);
    assert.equal(of("error").at(-1).fatal, true, "a refreshed token refused too: the client stops");
    const count = server.gets().length;
    await clock.advance(120000);
    assert.equal(server.gets().length, count, "nothing after giving up");
  });

  test("acks carry the stream's token", T, async () => {
    const provider = tokens();
    const { server, clock } = setup((call) => (call.method === "GET" ? eventStream(call) : new Response(null, { status: 204 })),
      { getToken: provider.getToken });
    await settle();
    server.lastStream.send(GREETING());
    server.lastStream.send("id: 7\nevent: note\ndata: 1\n\n");
    await settle();
    await clock.advance(1000);
    const ack = server.calls.find((c) => c.method === "POST");
    assert.equal(ack.headers.Authorization, "Bearer t1");
  });
});
