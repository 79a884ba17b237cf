import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSseClient, withTopics } from "../../main/webapp/js/sse-client.js";
import { GREETING, eventStream, jsonResponse, settle, virtualClient } from "./fakes.mjs";

const T = { timeout: 5000 };

/** A client on a virtual clock whose POSTs to /subscriptions are answered by `answer(call)`. */
const setup = (answer, options = {}) => virtualClient(createSseClient,
  (call) => (call.method === "GET" ? eventStream(call) : answer(call)), { clientKey: "k", ack: false, ...options });

const topicsOf = (url) => new URL(url, "http://x").searchParams.getAll("topic");
const echo = (call) => jsonResponse(200, { clientId: call.body.clientId, topics: ["orders/42", "news/*"] });

describe("topics", () => {
  test("withTopics adds one topic parameter per topic, encoded, and keeps a hash", T, () => {
    assert.equal(withTopics("/api/sse", []), "/api/sse");
    assert.equal(withTopics("/api/sse?clientKey=k", ["orders/42", "news/**"]),
      "/api/sse?clientKey=k&topic=orders%2F42&topic=news%2F**");
    assert.equal(withTopics("/s#h", ["a"]), "/s?topic=a#h");
  });

  test("the topics option goes as repeated topic parameters, on every connection", T, async () => {
    const { server, clock } = setup(echo, { topics: ["orders/42", "news/*", "orders/42"] });
    await settle();
    server.lastStream.send(GREETING());
    await settle();
    server.lastStream.close();
    await clock.advance(5000);
    const urls = server.gets().map((c) => c.url);
    assert.equal(urls.length, 2);
    for (const url of urls) assert.deepEqual(topicsOf(url), ["orders/42", "news/*"], url);
  });

  test("no topics, no topic parameter", T, async () => {
    const { server } = setup(echo);
    await settle();
    assert.equal(server.gets()[0].url, "/api/sse?clientKey=k");
  });

  test("sse.connected with topics hands them to onConnect; sse.subscribed goes to onSubscribed, not onMessage", T, async () => {
    const { server, client, of } = setup(echo, { topics: ["a"] });
    await settle();
    server.lastStream.send(GREETING({ topics: ["a"] }));
    server.lastStream.send('event: sse.subscribed\ndata: {"topics":["a","b/*"]}\n\n');
    await settle();
    assert.deepEqual(of("connect")[0].topics, ["a"]);
    assert.deepEqual(of("subscribed"), [{ topics: ["a", "b/*"] }]);
    assert.deepEqual(of("message"), []);
    assert.deepEqual(client.topics, ["a", "b/*"]);
  });

  test("subscribe posts the change with the clientId and reconnects with the server's topics", T, async () => {
    const { server, client, clock } = setup(echo, { topics: ["orders/42"] });
    await settle();
    server.lastStream.send(GREETING({ clientId: "c-7" }));
    await settle();
    const answer = await client.subscribe({ add: ["news/*"], remove: ["x"] });
    assert.deepEqual(answer, { clientId: "c-7", topics: ["orders/42", "news/*"] });
    const [post] = server.posts();
    assert.equal(post.url, "/api/sse/subscriptions");
    assert.deepEqual(post.body, { clientId: "c-7", add: ["news/*"], remove: ["x"] });
    assert.equal(post.headers["Content-Type"], "application/json");
    server.lastStream.close();
    await clock.advance(5000);
    assert.deepEqual(topicsOf(server.gets()[1].url), ["orders/42", "news/*"]);
  });

  test("a refused change rejects with the status and problem, and keeps the topics", T, async () => {
    const problem = { type: "about:blank", title: "Forbidden", status: 403, detail: "you may not subscribe to topic 'x'" };
    const { server, client } = setup(() => jsonResponse(403, problem), { topics: ["a"] });
    await settle();
    server.lastStream.send(GREETING());
    await settle();
    const error = await client.subscribe({ add: ["x"] }).then(() => null, (e) => e);
    assert.equal(error?.status, 403);
    assert.deepEqual(error.problem, problem);
    assert.deepEqual(client.topics, ["a"]);
  });

  test("without a live stream, subscribe only changes what the next connection asks for", T, async () => {
    const { server, client } = setup(echo, { topics: ["a", "b"], autoConnect: false });
    const answer = await client.subscribe({ add: ["c", "a"], remove: ["b"] });
    assert.deepEqual(answer, { clientId: null, topics: ["a", "c"] });
    assert.equal(server.posts().length, 0);
    client.connect();
    await settle();
    assert.deepEqual(topicsOf(server.gets()[0].url), ["a", "c"]);
  });
});
