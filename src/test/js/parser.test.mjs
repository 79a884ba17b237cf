import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createEventStreamParser, parseRetryAfter } from "../../main/webapp/js/sse-client.js";

const T = { timeout: 5000 };
const encoder = new TextEncoder();

/** Feeds the chunks to a fresh parser and returns everything it reported. */
function parse(chunks, options) {
  const events = [];
  const comments = [];
  const retries = [];
  const parser = createEventStreamParser((e) => events.push(e), (c) => comments.push(c), (r) => retries.push(r), options);
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, comments, retries, lastEventId: parser.lastEventId };
}

/** The same text split into single bytes: every possible cut across reads at once. */
function bytewise(text) {
  return [...encoder.encode(text)].map((b) => new Uint8Array([b]));
}

const msg = (data, event = "message", id = "") => ({ event, data, id });

describe("line endings", () => {
  for (const [name, eol] of [["LF", "\n"], ["CR", "\r"], ["CRLF", "\r\n"]]) {
    test(`${name} ends lines and a blank ${name} line dispatches`, T, () => {
      const text = `event: a${eol}data: 1${eol}data: 2${eol}${eol}data: 3${eol}${eol}`;
      const expected = [msg("1\n2", "a"), msg("3")];
      assert.deepEqual(parse([text]).events, expected);
      assert.deepEqual(parse(bytewise(text)).events, expected, "split at every byte");
    });
  }

  test("mixed line endings in one stream", T, () => {
    assert.deepEqual(parse(["data: a\rdata: b\ndata: c\r\n\r\ndata: d\n\r"]).events, [msg("a\nb\nc"), msg("d")]);
  });

  test("a CR ending one chunk and the LF opening the next are one line end", T, () => {
    // Were they two line ends, the LF would be a blank line and dispatch "a" alone.
    assert.deepEqual(parse(["data: a\r", "\ndata: b\r", "\n\r", "\n"]).events, [msg("a\nb")]);
  });

  test("a CR ending one chunk followed by a chunk that does not start with LF", T, () => {
    assert.deepEqual(parse(["data: a\r", "data: b\r", "\r"]).events, [msg("a\nb")]);
  });

  test("a CR at the end of a chunk followed by an empty chunk still swallows the LF after it", T, () => {
    assert.deepEqual(parse(["data: a\r", "", "\ndata: b\n\n"]).events, [msg("a\nb")]);
  });

  test("two CRs are two line ends, so CR CR dispatches", T, () => {
    assert.deepEqual(parse(["data: a\r\r"]).events, [msg("a")]);
  });

  test("LF CR is two line ends", T, () => {
    assert.deepEqual(parse(["data: a\n\r"]).events, [msg("a")]);
  });
});

describe("chunking", () => {
  test("a field name and value cut across reads", T, () => {
    assert.deepEqual(parse(["da", "ta: hel", "lo\n", "\n"]).events, [msg("hello")]);
    assert.deepEqual(parse(["ev", "ent: pi", "ng\nid", ": 4", "2\ndata:", " x\n\n"]).events, [msg("x", "ping", "42")]);
  });

  test("multi-byte characters cut between bytes are decoded whole", T, () => {
    const text = "event: grüße\ndata: {\"s\":\"é€😀\"}\n\n";
    assert.deepEqual(parse(bytewise(text)).events, [msg('{"s":"é€😀"}', "grüße")]);
  });

  test("string chunks work as well as bytes", T, () => {
    assert.deepEqual(parse(["data: x\n", "\n"]).events, [msg("x")]);
  });

  test("an event cut off by the end of the stream is discarded", T, () => {
    assert.deepEqual(parse(["data: done\n\ndata: half"]).events, [msg("done")]);
    assert.deepEqual(parse(["data: complete line but no blank one\n"]).events, []);
  });
});

describe("BOM", () => {
  test("a UTF-8 BOM at the very start is skipped", T, () => {
    assert.deepEqual(parse([new Uint8Array([0xef, 0xbb, 0xbf]), "data: x\n\n"]).events, [msg("x")]);
    assert.deepEqual(parse(["\uFEFFdata: x\n\n"]).events, [msg("x")]);
  });

  test("a BOM split across reads is skipped", T, () => {
    assert.deepEqual(parse(bytewise("\uFEFFdata: x\n\n")).events, [msg("x")]);
  });

  test("only the first BOM is skipped: a second one makes the field name unknown", T, () => {
    assert.deepEqual(parse(["\uFEFF\uFEFFdata: x\n\n"]).events, []);
  });

  test("a BOM later in the stream is data", T, () => {
    assert.deepEqual(parse(["data: a\n\n", "data: \uFEFFb\n\n"]).events, [msg("a"), msg("\uFEFFb")]);
  });
});

describe("fields", () => {
  test("comments are reported and never dispatch", T, () => {
    const r = parse([": heartbeat\n\n", ":no space\n", "data: x\n: in the middle\n\n"]);
    assert.deepEqual(r.comments, ["heartbeat", "no space", "in the middle"]);
    assert.deepEqual(r.events, [msg("x")]);
  });

  test("only one space after the colon is stripped", T, () => {
    assert.deepEqual(parse(["data:  two\n\ndata:none\n\ndata:\t tab\n\n"]).events, [msg(" two"), msg("none"), msg("\t tab")]);
  });

  test("a value may contain colons", T, () => {
    assert.deepEqual(parse(['data: {"a":"b:c"}\n\n']).events, [msg('{"a":"b:c"}')]);
  });

  test("\"data\" without a colon is an empty data line", T, () => {
    assert.deepEqual(parse(["data\n\n"]).events, [msg("")]);
    assert.deepEqual(parse(["data\ndata\n\n"]).events, [msg("\n")]);
    assert.deepEqual(parse(["data:\n\n"]).events, [msg("")]);
  });

  test("multi-line data is joined with LF and the last LF removed", T, () => {
    assert.deepEqual(parse(["data: a\ndata:\ndata: c\n\n"]).events, [msg("a\n\nc")]);
  });

  test("retry takes ASCII digits only", T, () => {
    const r = parse(["retry: 3000\n", "retry: 3s\n", "retry: -1\n", "retry: 1.5\n", "retry:\n", "retry:  7\n", "retry: 0\n\n"]);
    assert.deepEqual(r.retries, [3000, 0]);
    assert.deepEqual(r.events, []);
  });

  test("retry arrives at once, before the event it sits in is dispatched", T, () => {
    const order = [];
    const parser = createEventStreamParser(() => order.push("event"), null, () => order.push("retry"));
    parser.push("retry: 10\ndata: x\n");
    assert.deepEqual(order, ["retry"]);
    parser.push("\n");
    assert.deepEqual(order, ["retry", "event"]);
  });

  test("id persists across events until changed, and an empty id clears it", T, () => {
    const r = parse(["id: 1\ndata: a\n\n", "data: b\n\n", "id\ndata: c\n\n", "id: 2\ndata: d\n\n", "id:\ndata: e\n\n"]);
    assert.deepEqual(r.events.map((e) => e.id), ["1", "1", "", "2", ""]);
  });

  test("an id containing NUL is ignored", T, () => {
    const r = parse(["id: 1\ndata: a\n\n", "id: 2\0x\ndata: b\n\n"]);
    assert.deepEqual(r.events.map((e) => e.id), ["1", "1"]);
    assert.equal(r.lastEventId, "1");
  });

  test("an id in a block with no data updates the last event id without an event", T, () => {
    const r = parse(["id: 7\n\n"]);
    assert.deepEqual(r.events, []);
    assert.equal(r.lastEventId, "7");
  });

  test("an id in an event cut off by the end of the stream does not count", T, () => {
    assert.equal(parse(["id: 1\ndata: a\n\nid: 2\ndata: b\n"]).lastEventId, "1");
  });

  test("the last event id can be carried over from a previous connection", T, () => {
    const r = parse(["event: sse.connected\ndata: {}\n\n"], { lastEventId: "41" });
    assert.deepEqual(r.events, [msg("{}", "sse.connected", "41")]);
  });

  test("unknown fields and field names with different case are ignored", T, () => {
    assert.deepEqual(parse(["foo: bar\nData: x\nEVENT: y\ndata: z\n\n"]).events, [msg("z")]);
  });
});

describe("dispatch", () => {
  test("empty data dispatches nothing and resets the event type", T, () => {
    const r = parse(["event: lonely\n\n", "data: x\n\n"]);
    assert.deepEqual(r.events, [msg("x")]);
  });

  test("the event type defaults to message and resets after each event", T, () => {
    assert.deepEqual(parse(["event: a\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n"]).events, [msg("1", "a"), msg("2"), msg("3")]);
  });

  test("several events in one chunk all dispatch, in order", T, () => {
    const text = Array.from({ length: 50 }, (_, i) => `id: ${i}\nevent: e${i}\ndata: ${i}\n\n`).join("");
    const r = parse([text]);
    assert.equal(r.events.length, 50);
    assert.deepEqual(r.events[49], msg("49", "e49", "49"));
  });

  test("blank lines between events do nothing", T, () => {
    assert.deepEqual(parse(["\n\n\ndata: x\n\n\n\n"]).events, [msg("x")]);
  });
});

describe("Retry-After", () => {
  test("seconds and HTTP dates", T, () => {
    assert.equal(parseRetryAfter("7"), 7000);
    assert.equal(parseRetryAfter(" 0 "), 0);
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30000);
    assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0, "a date in the past means now");
    assert.equal(parseRetryAfter("soon"), null);
    assert.equal(parseRetryAfter(null), null);
    assert.equal(parseRetryAfter("-5"), null);
  });
});
