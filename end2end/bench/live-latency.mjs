// Live-board propagation latency (`make bench`): how long after an edit is written every open
// board hears of it, with 50, 500 and 1,000 boards subscribed on loopback, against the floor of a
// minimal axum websocket broadcast (server/src/bin/floor.rs) measured the same way.
//
// Polku: N sockets follow one team board; a coordinator moves an action card back and forth. The
// latency of one delivery is the time a socket received the event minus the time the server wrote
// it (the board event's `at`, taken inside the transaction that makes the change), so it covers
// the commit, the rest of the request, reading the event and the fan-out. Floor: N sockets on the
// floor server; the latency is the time received minus the time the floor's publish was called.
// Both servers run on this machine, so their clocks are the one this script reads.
//
// Usage: node bench/live-latency.mjs <polku-url> <polku-pid> <floor-url> <floor-pid> [counts] [edits]
import { callServerFn, request, signIn } from "./http.mjs";
import { readFileSync } from "node:fs";
import WebSocket from "ws";

const [polku, polkuPid, floor, floorPid, countsArg = "50,500,1000", editsArg = "100"] = process.argv.slice(2);
if (!polku || !polkuPid || !floor || !floorPid) {
  console.error("usage: node bench/live-latency.mjs <polku-url> <polku-pid> <floor-url> <floor-pid> [counts] [edits]");
  process.exit(2);
}
const counts = countsArg.split(",").map(Number);
const edits = Number(editsArg);

const nowMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

/** Microseconds since the epoch of an RFC 3339 time with up to nanoseconds ("…T22:55:01.123456789Z"). */
function micros(rfc3339) {
  const m = rfc3339.match(/^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/);
  const whole = Date.parse(`${m[1]}${m[3]}`) * 1000;
  const fraction = (m[2] ?? "").padEnd(6, "0").slice(0, 6);
  return whole + Number(fraction);
}

async function call(name, form, cookie) {
  const res = await callServerFn(polku, name, form, { cookie });
  if (res.status !== 200) throw new Error(`${name} answered ${res.status}: ${res.body}`);
  return res;
}

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line.replace(/\D+/g, "")) / 1024;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Opens a socket; resolves once it is open and, with `readyType`, once that message came. */
function open(url, headers, readyType) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, perMessageDeflate: false });
    socket.once("error", reject);
    if (!readyType) {
      socket.once("open", () => resolve(socket));
      return;
    }
    const ready = (data) => {
      if (JSON.parse(data.toString()).type === readyType) {
        socket.off("message", ready);
        resolve(socket);
      }
    };
    socket.on("message", ready);
  });
}

async function openMany(n, url, headers, readyType) {
  const sockets = [];
  // In batches, as browsers arriving over a few seconds would.
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => open(url, headers, readyType)));
    sockets.push(...batch);
  }
  return sockets;
}

/** Waits until every socket has delivered one latency for the current round. */
function roundOf(sockets, extract) {
  return new Promise((resolve) => {
    const got = [];
    const timer = setTimeout(() => resolve({ got, missing: sockets.length - got.length }), 10_000);
    for (const s of sockets) {
      const handler = (data) => {
        const latency = extract(JSON.parse(data.toString()));
        if (latency === undefined) return;
        s.off("message", handler);
        got.push(latency);
        if (got.length === sockets.length) {
          clearTimeout(timer);
          resolve({ got, missing: 0 });
        }
      };
      s.on("message", handler);
    }
  });
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rounds run before the measured ones on freshly opened sockets, on both servers alike. */
const WARM_UP = 1;

/**
 * Runs `WARM_UP` unmeasured rounds and then `edits` measured ones on open sockets: each round
 * waits for every socket to report the latency `extract` finds in its messages while `publish`
 * makes one change. Closes the sockets at the end.
 */
async function rounds(sockets, pid, extract, publish) {
  await pause(500);
  const rss = rssMb(pid);
  const latencies = [];
  let missing = 0;
  for (let e = -WARM_UP; e < edits; e++) {
    const round = roundOf(sockets, extract);
    await publish();
    const r = await round;
    missing += r.missing;
    if (e >= 0) latencies.push(...r.got);
    await pause(50);
  }
  for (const s of sockets) s.terminate();
  await pause(300);
  return { latencies, missing, rss };
}

async function measurePolku(n) {
  const cookie = await signIn(polku, "sanna.virtanen");
  // The demo pair's open cases fit the first page of the list.
  const { cases } = JSON.parse((await call("my_cases", {}, cookie)).body);
  const caseId = cases.find((c) => c.client_name === "Eino Mäntylä").id;
  const page = JSON.parse((await call("board", { board: `team-${caseId}` }, cookie)).body);
  const cardKey = `action-${caseId}-2`;
  let card = page.cards.find((c) => c.card.kind === "action" && c.card.key === 2);
  const url = `${polku.replace("http", "ws")}/live/board/team-${caseId}?after=${page.last_event}`;
  const sockets = await openMany(n, url, { origin: polku, cookie }, "caught_up");
  const moved = (m) => {
    if (m.type !== "event" || m.event.change !== "moved" || `action-${m.event.case_id}-${m.event.card.key}` !== cardKey) return undefined;
    return (nowMicros() - micros(m.event.at)) / 1000;
  };
  return rounds(sockets, polkuPid, moved, async () => {
    const to = card.column.value === "open" ? "status:in_progress" : "status:open";
    card = JSON.parse((await call("move_card", { card: cardKey, column: to, version: String(card.version) }, cookie)).body);
  });
}

async function measureFloor(n) {
  const sockets = await openMany(n, `${floor.replace("http", "ws")}/ws`, {});
  const published = (m) => (m.at_us === undefined ? undefined : (nowMicros() - m.at_us) / 1000);
  return rounds(sockets, floorPid, published, () => request(`${floor}/publish`, { method: "POST", headers: { "content-length": 0 } }));
}

const fmt = (ms) => ms.toFixed(1).padStart(7);
console.log(`Live board propagation, ${edits} edits per row after ${WARM_UP} unmeasured, every delivery counted (ms):`);
console.log("  boards |  polku p50   p99 |  floor p50   p99 | p99 ÷ floor | polku RSS | floor RSS | lost");
for (const n of counts) {
  const p = await measurePolku(n);
  const f = await measureFloor(n);
  const ps = [...p.latencies].sort((a, b) => a - b);
  const fs = [...f.latencies].sort((a, b) => a - b);
  const ratio = percentile(ps, 99) / percentile(fs, 99);
  console.log(
    `  ${String(n).padStart(6)} | ${fmt(percentile(ps, 50))} ${fmt(percentile(ps, 99))} | ${fmt(percentile(fs, 50))} ${fmt(percentile(fs, 99))} |` +
      ` ${ratio.toFixed(2).padStart(11)} | ${p.rss.toFixed(1).padStart(6)} MB | ${f.rss.toFixed(1).padStart(6)} MB | ${p.missing + f.missing}`,
  );
}
