// What the benchmarks share: one HTTP request read to its last byte, a server function called with
// a form, and a demo person's sign-in (every demo account has the password "polku-demo").
import http from "node:http";

/** One request; resolves with status, headers and the body bytes exactly as they came. */
export function request(url, { method = "GET", headers = {}, body, agent = false } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Server function `name` at `base`, its fields sent as a form, as `cookie` when given. */
export function callServerFn(base, name, fields = {}, { cookie, agent } = {}) {
  const body = new URLSearchParams(fields).toString();
  const headers = { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) };
  if (cookie) headers.cookie = cookie;
  return request(`${base}/api/${name}`, { method: "POST", headers, body, agent });
}

/** Signs a demo person in; resolves with their session cookie (`polku_session=…`). */
export async function signIn(base, username, { agent } = {}) {
  const res = await callServerFn(base, "login", { username, password: "polku-demo" }, { agent });
  const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("polku_session="));
  if (!cookie) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return cookie;
}
