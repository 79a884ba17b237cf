// Publish throughput of POST /api/events: one event per request or batches, authenticated by an API key or
// by an RS256 JWT (verified on every request). Node 20, no dependencies.
//
//   node bench/publish-api.mjs keys > /tmp/publish-keys.json    # a key pair: the JWKS to configure, a token
//   node bench/publish-api.mjs run <base-url> "<Authorization value>" <events> <in-flight> <batch-size>
//
// Prints events/s and requests/s of the measured run, after a warm-up of the same size.
import { generateKeyPairSync, createSign } from "node:crypto";
import http from "node:http";

const b64url = (data) => Buffer.from(data).toString("base64url");

function keys() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "bench", alg: "RS256", use: "sig" };
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "bench" }));
  const now = Math.floor(Date.now() / 1000);
  const claims = b64url(JSON.stringify({ iss: "https://bench", upn: "bench-publisher", groups: ["sse-publisher"], iat: now, exp: now + 3600 }));
  const signature = createSign("RSA-SHA256").update(`${header}.${claims}`).sign(privateKey).toString("base64url");
  console.log(JSON.stringify({ jwks: JSON.stringify({ keys: [jwk] }), token: `${header}.${claims}.${signature}` }));
}

async function run(base, authorization, events, inFlight, batchSize) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const url = new URL("api/events", base);
  const event = (i) => ({ target: "all", event: "bench", data: { i } });
  const post = (body) => new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { Authorization: authorization, "Content-Type": "application/json" } }, (response) => {
      response.resume();
      response.on("end", () => (response.statusCode === 202 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
    });
    request.on("error", reject);
    request.end(body);
  });
  async function round() {
    const requests = Math.ceil(events / batchSize);
    let next = 0;
    const started = process.hrtime.bigint();
    const worker = async () => {
      while (next < requests) {
        const n = next++;
        const body = batchSize === 1 ? event(n) : Array.from({ length: batchSize }, (_, k) => event(n * batchSize + k));
        await post(JSON.stringify(body));
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { eventsPerSecond: Math.round(requests * batchSize / seconds), requestsPerSecond: Math.round(requests / seconds) };
  }
  await round();
  console.log(JSON.stringify({ batchSize, inFlight, events, ...(await round()) }));
  agent.destroy();
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "keys") keys();
else if (mode === "run") await run(args[0], args[1], Number(args[2]), Number(args[3]), Number(args[4]));
else { console.error("usage: keys | run <base-url> <authorization> <events> <in-flight> <batch-size>"); process.exit(2); }
