// First-load transfer of a page: what a phone downloads the first time it opens it, compressed
// with brotli as the server sends it (HTML, CSS, JS, WASM and the icon), signed in as a demo
// person. Usage: node bench/first-load.mjs <base-url> <username> <path> [budget-kb]
// Prints a table and the total; exits non-zero only when the page cannot be measured.
import { request, signIn } from "./http.mjs";

const [base, username, path, budgetKb = "150"] = process.argv.slice(2);
if (!base || !username || !path) {
  console.error("usage: node bench/first-load.mjs <base-url> <username> <path> [budget-kb]");
  process.exit(2);
}

let cookie;
try {
  cookie = await signIn(base, username);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const browserHeaders = { "accept-encoding": "br, gzip", cookie };
const rows = [];
async function fetchResource(kind, url) {
  const res = await request(url, { headers: browserHeaders });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const encoding = res.headers["content-encoding"] ?? "none";
  rows.push({ kind, url: url.replace(base, ""), encoding, bytes: res.body.length });
  return res;
}

const page = await fetchResource("html", `${base}${path}`);
// The HTML itself is needed decompressed to find what it loads.
const zlib = await import("node:zlib");
const html = (page.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(page.body) : page.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(page.body) : page.body).toString();
const found = new Set();
for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*>/g)) {
  if (/rel="(stylesheet|modulepreload|preload|icon)"/.test(m[0])) found.add(m[1]);
}
for (const m of html.matchAll(/import\(['"]([^'"]+)['"]\)/g)) found.add(m[1]);
for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) found.add(m[1]);
for (const ref of found) {
  const kind = ref.endsWith(".wasm") ? "wasm" : ref.endsWith(".js") ? "js" : ref.endsWith(".css") ? "css" : "other";
  await fetchResource(kind, new URL(ref, base).toString());
}

const kb = (n) => (n / 1024).toFixed(1);
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
console.log(`First load of ${path} as ${username} (compressed as sent):`);
for (const r of rows) console.log(`  ${r.kind.padEnd(5)} ${kb(r.bytes).padStart(8)} KB  ${r.encoding.padEnd(4)}  ${r.url}`);
console.log(`  total ${kb(total).padStart(8)} KB  (target ${budgetKb} KB: ${total <= Number(budgetKb) * 1024 ? "within" : "OVER"})`);
if (!rows.some((r) => r.kind === "wasm")) console.log("  (the page loads no WebAssembly)");
