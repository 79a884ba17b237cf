// The React the WAR serves to the example pages (src/build/vendor-react.mjs): built here into a temporary
// directory, then loaded the way a page loads it, through the two small modules its import map names.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { JSDOM } from "jsdom";

const T = { timeout: 30000 };
const out = await mkdtemp(join(tmpdir(), "sse-vendor-"));
await promisify(execFile)(process.execPath, [new URL("../../build/vendor-react.mjs", import.meta.url).pathname, out]);

// react-dom decides at import time whether it runs in a browser, so the DOM globals must exist first.
const dom = new JSDOM("<!doctype html><html><body><div id=root></div></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
if (typeof globalThis.navigator === "undefined") {
  Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true });
}

const load = (file) => import(pathToFileURL(join(out, file)).href);
const react = await load("react.js");
const { createRoot } = await load("react-dom-client.js");
const bundle = await load("react-bundle.js");

after(async () => {
  dom.window.close();
  await rm(out, { recursive: true, force: true });
});

async function until(check, what) {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("the shims hand out the one React of the bundle, with its hooks by name", T, () => {
  assert.equal(react.default, bundle.React);
  for (const name of ["createElement", "Fragment", "useState", "useEffect", "useRef", "useMemo", "useCallback", "useContext", "createContext"]) {
    assert.equal(react[name], bundle.React[name], name);
  }
  assert.equal(typeof createRoot, "function");
  assert.match(react.version, /^\d+\.\d+\.\d+$/);
});

test("a component with hooks renders and updates through the vendored react-dom", T, async () => {
  const { createElement: h, useEffect, useState } = react;
  function Counter() {
    const [n, setN] = useState(0);
    useEffect(() => { if (n < 3) setN(n + 1); }, [n]);
    return h("output", null, `count ${n}`);
  }
  const container = document.getElementById("root");
  const root = createRoot(container);
  root.render(h(Counter));
  await until(() => container.textContent === "count 3", "the effects to run");
  root.unmount();
});

test("the bundle is React's production build, minified, with its license kept", T, async () => {
  const code = await readFile(join(out, "react-bundle.js"), "utf8");
  assert.doesNotMatch(code, /process\.env/);
  assert.doesNotMatch(code, /react\.development|react-dom-client\.development/);
  assert.match(code, /@license React/);
  assert.ok(code.length < 400_000, `${code.length} bytes`);
});
