// The demo pages' one way to call the JSON API: same-origin credentials, the body as JSON, and an answer that
// never throws: { status, ok, json }, with status 0 when the server could not be reached.
export async function callJson(url, { method = "GET", body } = {}) {
  try {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { Accept: "application/json" } : { "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: response.status, ok: response.ok, json };
  } catch (error) {
    return { status: 0, ok: false, json: { detail: `Server unreachable (${error.message})` } };
  }
}
