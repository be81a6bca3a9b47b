// Server latency, size and throughput of every page and the busiest server functions, signed in
// as the demo people, against a running Polku (`make bench-scale` starts one on each database).
// Usage: node bench/pages.mjs <base-url> <server-pid> <floor-url> <floor-dir> <label>
// Environment: BENCH_REQUESTS (200), BENCH_WARMUP (20), BENCH_PAGE_SECONDS (cap per page, 60),
// BENCH_CONCURRENCY (16), BENCH_LOAD_SECONDS (10).
// For each page: BENCH_WARMUP requests, then BENCH_REQUESTS one after another (or as many as fit
// in BENCH_PAGE_SECONDS), timed from sending to the last byte; p50/p95/p99 in ms and the
// uncompressed bytes. Then requests per second with BENCH_CONCURRENCY at once for the process map,
// the pair board, and the pair board's own bytes as a static file from the floor server (the
// least a web server can do for the same response). Last, the server's resident memory.
import http from "node:http";
import fs from "node:fs";
import { callServerFn, request, signIn } from "./http.mjs";

const [base, serverPid, floorBase, floorDir, label = "polku"] = process.argv.slice(2);
if (!base || !serverPid || !floorBase || !floorDir) {
  console.error("usage: node bench/pages.mjs <base-url> <server-pid> <floor-url> <floor-dir> <label>");
  process.exit(2);
}
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const REQUESTS = env("BENCH_REQUESTS", 200);
const WARMUP = env("BENCH_WARMUP", 20);
const PAGE_SECONDS = env("BENCH_PAGE_SECONDS", 60);
const CONCURRENCY = env("BENCH_CONCURRENCY", 16);
const LOAD_SECONDS = env("BENCH_LOAD_SECONDS", 10);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A call as the bench makes it: a page (GET) or a server function (POST with a form). */
function call(cookie, target) {
  if (target.fn) return callServerFn(base, target.fn, target.args, { cookie, agent });
  return request(`${target.base ?? base}${target.path}`, { headers: cookie ? { cookie } : {}, agent });
}

async function json(cookie, fn, args) {
  const res = await call(cookie, { fn, args });
  if (res.status !== 200) throw new Error(`${fn} answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
  return JSON.parse(res.body.toString());
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function latency(cookie, target) {
  for (let i = 0; i < WARMUP; i++) await call(cookie, target);
  const times = [];
  let bytes = 0;
  const until = performance.now() + PAGE_SECONDS * 1000;
  while (times.length < REQUESTS && performance.now() < until) {
    const start = performance.now();
    const res = await call(cookie, target);
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`${target.name} answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
    bytes = res.body.length;
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), bytes };
}

async function throughput(cookie, target) {
  let done = 0;
  let failed = 0;
  const until = performance.now() + LOAD_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const res = await call(cookie, target).catch(() => ({ status: 0 }));
        if (res.status === 200) done++;
        else failed++;
      }
    }),
  );
  return { rps: done / ((performance.now() - started) / 1000), failed };
}

function memory() {
  try {
    const status = fs.readFileSync(`/proc/${serverPid}/status`, "utf8");
    const kb = (key) => Number((status.match(new RegExp(`${key}:\\s+(\\d+)`)) ?? [])[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

const sanna = await signIn(base, "sanna.virtanen", { agent });
const eino = await signIn(base, "eino.mantyla", { agent });
const paula = await signIn(base, "paula.rinne", { agent });
const [pathway] = await json(eino, "my_pathway");
const [[pairId]] = await json(sanna, "my_boards");
const caseId = pathway.case_id;

const targets = [
  { name: "/process", who: sanna, path: "/process" },
  { name: "/cases (open)", who: sanna, path: "/cases" },
  { name: "/cases?show=closed", who: sanna, path: "/cases?show=closed" },
  { name: "a case page", who: sanna, path: `/cases/${caseId}` },
  { name: "its plan", who: sanna, path: `/cases/${caseId}/plan` },
  { name: "its meetings", who: sanna, path: `/cases/${caseId}/meetings` },
  { name: "/boards (mine)", who: sanna, path: "/boards" },
  { name: "pair board", who: sanna, path: `/boards/pair-${pairId}` },
  { name: "/notifications", who: sanna, path: "/notifications" },
  { name: "/concerns", who: sanna, path: "/concerns" },
  { name: "/pathway (client)", who: eino, path: "/pathway" },
  { name: "/audit?client=Mäntylä", who: paula, path: `/audit?client=${encodeURIComponent("Mäntylä")}` },
  { name: "fn process_counts mine", who: sanna, fn: "process_counts", args: { scope: "mine" } },
  { name: "fn process_counts organisation", who: sanna, fn: "process_counts", args: { scope: "organisation" } },
  { name: "fn process_counts all", who: sanna, fn: "process_counts", args: { scope: "all" } },
  { name: "fn my_cases", who: sanna, fn: "my_cases", args: {} },
  { name: "fn board mine", who: sanna, fn: "board", args: { board: "mine" } },
  { name: "fn unread_notifications", who: sanna, fn: "unread_notifications", args: {} },
  { name: "fn team_candidates", who: sanna, fn: "team_candidates", args: { case_id: String(caseId), who: "nen" } },
];

const rows = [];
for (const target of targets) {
  try {
    rows.push({ name: target.name, ...(await latency(target.who, target)) });
  } catch (error) {
    rows.push({ name: target.name, error: String(error.message ?? error).slice(0, 120) });
  }
}

// The pair board's bytes as a static file, for the floor.
const board = await call(sanna, { path: `/boards/pair-${pairId}` });
fs.writeFileSync(`${floorDir}/pair-board.html`, board.body);
const loads = [
  { name: "/process", who: sanna, path: "/process" },
  { name: "pair board", who: sanna, path: `/boards/pair-${pairId}` },
  { name: "static floor (pair board's bytes)", base: floorBase, path: "/files/pair-board.html" },
];
const loaded = [];
for (const target of loads) loaded.push({ name: target.name, ...(await throughput(target.who, target)) });
const mem = memory();

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : "–");
console.log(`\n### ${label}: latency, one request at a time (${REQUESTS} after ${WARMUP} to warm up)\n`);
console.log("| page or server function | n | p50 ms | p95 ms | p99 ms | bytes |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of rows) {
  if (r.error) console.log(`| ${r.name} | – | – | – | – | failed: ${r.error} |`);
  else console.log(`| ${r.name} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.bytes.toLocaleString("en")} |`);
}
console.log(`\n### ${label}: throughput, ${CONCURRENCY} at once for ${LOAD_SECONDS} s\n`);
console.log("| target | req/s | failed |");
console.log("|---|---:|---:|");
for (const r of loaded) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.failed} |`);
console.log(`\nServer memory after the load: ${ms(mem.rss)} MB resident, peak ${ms(mem.peak)} MB.`);
if (rows.some((r) => r.error)) process.exitCode = 1;
