// What a staff member's browser loads, and how long until the page answers a click, on a slow phone
// connection: each staff page opened directly in a fresh browser (empty cache), then a walk from
// page to page by the application's own links. Chromium (Debian's, through Playwright) with its
// CPU slowed 4× and the network of Chrome DevTools' "Fast 3G" preset (562.5 ms round trip,
// 1.44 Mbit/s down, 675 kbit/s up). Bytes are as they crossed the wire (brotli where the server
// has it, as a browser on HTTPS asks for it); "interactive" is the moment the application marks
// the page hydrated (`html[data-hydrated]`), from the start of the navigation.
// The target for a first load is 300 KB (issue 22).
// Usage: node bench/staff-load.mjs <base-url> <username> [runs]
import { chromium } from "@playwright/test";
import { request, signIn } from "./http.mjs";

const [base, username, runsArg = "3"] = process.argv.slice(2);
if (!base || !username) {
  console.error("usage: node bench/staff-load.mjs <base-url> <username> [runs]");
  process.exit(2);
}
const runs = Number(runsArg);
const TARGET_KB = 300;
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44e6 / 8), uploadThroughput: (675e3 / 8) };

const cookie = await signIn(base, username);
async function html(path) {
  const res = await request(`${base}${path}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return res.body.toString();
}
// The pages of the person's own work: their pair's board and the first of their open cases.
const pair = (await html("/boards")).match(/href="\/boards\/(pair-\d+)"/)?.[1];
const caseId = (await html("/cases")).match(/href="\/cases\/(\d+)"/)?.[1];
if (!pair || !caseId) throw new Error(`no pair board or open case found for ${username}`);
const pages = ["/process", `/boards/${pair}`, `/cases/${caseId}`, `/cases/${caseId}/plan`, "/cases"];
const walk = [`/cases/${caseId}`, `/cases/${caseId}/plan`, "/process", "/boards", `/boards/${pair}`, "/cases"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});

/** A fresh signed-in browser with the slow phone's CPU and network, counting every byte received. */
async function slowPhone() {
  const context = await browser.newContext({ extraHTTPHeaders: { "accept-encoding": "br, gzip" } });
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name, value, url: base }]);
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement.dataset.hydrated) {
        window.__hydratedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", FAST_3G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const urls = new Map();
  const received = [];
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) => {
    received.push({ url: urls.get(e.requestId) ?? "?", bytes: e.encodedDataLength });
    urls.delete(e.requestId);
  });
  cdp.on("Network.loadingFailed", (e) => urls.delete(e.requestId));
  /** Resolves once no request has been open for half a second (sockets aside). */
  async function quiet() {
    let since = Date.now();
    while (Date.now() - since < 500) {
      await new Promise((r) => setTimeout(r, 50));
      if ([...urls.values()].some((u) => !u.startsWith("ws"))) since = Date.now();
    }
  }
  return { context, page, received, quiet };
}

const kind = (url) => (url.endsWith(".wasm") ? "wasm" : url.endsWith(".js") ? "js" : url.endsWith(".css") ? "css" : url.includes("/api/") ? "data" : "html/other");
function sum(list) {
  const by = { "html/other": 0, css: 0, js: 0, wasm: 0, data: 0 };
  for (const r of list) by[kind(r.url)] += r.bytes;
  return { ...by, total: Object.values(by).reduce((a, b) => a + b, 0) };
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`Staff pages opened directly as ${username}, ${runs} fresh browsers each (4× CPU, Fast 3G; KB as received)`);
console.log(`  ${"page".padEnd(26)} ${"html".padStart(7)} ${"css".padStart(7)} ${"js".padStart(7)} ${"wasm".padStart(7)} ${"total".padStart(7)}   interactive ms (median; all runs)   target ${TARGET_KB} KB`);
for (const path of pages) {
  const times = [];
  let bytes;
  for (let i = 0; i < runs; i++) {
    const { context, page, received, quiet } = await slowPhone();
    await page.goto(`${base}${path}`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 120_000 });
    await quiet();
    times.push(Math.round(await page.evaluate(() => window.__hydratedAt)));
    bytes = sum(received);
    await context.close();
  }
  const label = path.replace(/\d+/g, "N");
  console.log(`  ${label.padEnd(26)} ${kb(bytes["html/other"])} ${kb(bytes.css)} ${kb(bytes.js)} ${kb(bytes.wasm)} ${kb(bytes.total)}   ${String(median(times)).padStart(6)}; ${times.join(", ").padEnd(20)} ${bytes.total <= TARGET_KB * 1024 ? "within" : "OVER"}`);
}

console.log(`Walking by links from /cases (bytes received for each step until the network is quiet)`);
{
  const { context, page, received, quiet } = await slowPhone();
  await page.goto(`${base}/cases`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 120_000 });
  await quiet();
  for (const path of walk) {
    const before = received.length;
    const started = Date.now();
    await page.locator(`a[href="${path}"]`).first().click();
    await page.waitForURL(`${base}${path}`);
    await quiet();
    const step = sum(received.slice(before));
    const label = path.replace(/\d+/g, "N");
    console.log(`  → ${label.padEnd(24)} ${kb(step.total)} KB (wasm ${kb(step.wasm).trim()}, js ${kb(step.js).trim()}, data ${kb(step.data).trim()}, html/other ${kb(step["html/other"]).trim()})  ${Date.now() - started - 500} ms to the last byte`);
  }
  await context.close();
}
await browser.close();
