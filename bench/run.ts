/**
 * npm run bench [-- --scale city|nation] [--only deadlines|person-read|file-review|lagesbild]
 * Generates the synthetic municipality into a fresh embedded PostgreSQL (or DATABASE_URL, which
 * must be empty), starts the real server on loopback and measures each API path against its bare
 * limit — the same result by hand-written SQL on the same database in the same run. Writes
 * bench/BENCHMARKS.md. `--only deadlines` measures the deadline overview alone (with its LUL and
 * LVU clocks) and writes it to a section of its own, for a quick run on a small machine;
 * `--only person-read` does the same for opening a person (granted and denied), `--only file-review`
 * for a file review (aktgranskning) of 100 files, `--only lagesbild` for the year's lägesbild of the
 * whole municipality (lag 2023:196).
 */

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { DEFAULT_DEMO_PASSWORD, type Scale } from "../scripts/synthetic/generate";
import { disclosure, type Publisher } from "../src/domain/disclosure/publish";
import { stockholmDate } from "../src/domain/time";
import { buildApp } from "../src/server/app";
import { connect } from "../src/server/db/connection";
import { startEmbeddedPostgres } from "../src/server/db/embedded";
import { effectReport } from "../src/server/modules/effects/report.service";
import { handlingTimes } from "../src/server/modules/handling-times/service";
import { samladBild } from "../src/server/modules/interventions/samlad-bild.service";
import { auditedReadCounts } from "../src/server/platform/audited-read";
import { testConfig } from "../src/server/platform/config";
import { actorForSession } from "../src/server/platform/sessions";
import { DEADLINE_OVERVIEW, EFFECT_REPORT, HANDLING_TIMES, LAGESBILD, PERSON_BY_ID, SAMLAD_BILD } from "./bare-queries";
import { startBareServer } from "./bare-server";
import { FILE_REVIEW_SAMPLE, fileReviewBench } from "./file-review";
import { combine, type Measurement, measure, ms } from "./measure";
import { unprotected } from "./unprotected";

const HEADER = `# Benchmarks

Written by \`npm run bench -- --scale city|nation\` (one section per scale, replaced by each run). Each API path
is measured against its bare limit — the same result by hand-written SQL on the same database, or a bare
Fastify route running that SQL — in the same run. The API goes through the real HTTP server with session,
scope check, validation, audit row and request logging. Ratios, not absolute times, carry over between machines.
`;

/** Replaces this scale's section of BENCHMARKS.md, keeping the other scale's. */
function writeSection(file: string, scale: string, body: string) {
  const begin = `<!-- scale:${scale} -->`;
  const end = `<!-- /scale:${scale} -->`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : HEADER;
  const block = `${begin}\n${body}\n${end}`;
  const at = current.indexOf(begin);
  const next =
    at >= 0
      ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next.startsWith("# Benchmarks") ? next : HEADER + next);
}

/** The table of API paths against their bare limits. */
function apiTable(rows: { name: string; api: Measurement; bare: Measurement; goal: string }[]): string[] {
  return [
    "| Path | Requests × concurrency | API req/s | Bare req/s | Throughput ratio | API p50 / p95 / p99 | Bare p95 / p99 | Latency ratio (p95) | Goal |",
    "|---|---:|---:|---:|---:|---|---|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.api.requests} | ${r.api.perSecond.toFixed(0)} | ${r.bare.perSecond.toFixed(0)} | ` +
        `**${(r.api.perSecond / r.bare.perSecond).toFixed(2)}×** | ${ms(r.api.p50)} / ${ms(r.api.p95)} / ${ms(r.api.p99)} | ` +
        `${ms(r.bare.p95)} / ${ms(r.bare.p99)} | **${(r.api.p95 / r.bare.p95).toFixed(2)}×** | ${r.goal} |`,
    ),
  ];
}

/**
 * Generates the municipality in a process of its own (`npm run generate -- --json`), timed there:
 * the server measured below then starts with a heap of its own, as in production, instead of one
 * still holding what the generator left behind.
 */
async function generateApart(url: string, scale: Scale): Promise<{ seconds: number; summary: Record<string, number> }> {
  const script = path.join(import.meta.dirname, "..", "scripts", "generate.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, "--scale", scale, "--seed", "1", "--json"], {
    env: { ...process.env, DATABASE_URL: url, VAGVAL_DEMO_PASSWORD: DEFAULT_DEMO_PASSWORD },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`the generator exited with ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1) as string);
}

const { values } = parseArgs({ options: { scale: { type: "string", default: "city" }, only: { type: "string" } } });
const scale = values.scale as Scale;
if (values.only !== undefined && !["deadlines", "person-read", "file-review", "lagesbild"].includes(values.only))
  throw new Error(`--only: unknown section "${values.only}"`);
const deadlinesOnly = values.only === "deadlines";
const personReadOnly = values.only === "person-read";
const fileReviewOnly = values.only === "file-review";
const lagesbildOnly = values.only === "lagesbild";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "vagval-bench-"));
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(dataDir);
const databaseUrl = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
const database = connect(databaseUrl, 20);
/** What the file review's row measured, in words: the same under `--only file-review` and in the full run. */
function fileReviewNotes(fileReview: { drawn: number; populationSize: number; compared: number; disagreements: string[] }) {
  return [
    `The file review drew ${fileReview.drawn} of ${fileReview.populationSize} files (40 reviews in ten rounds alternating with the bare path, one`,
    `request at a time); the bare path gave the API's automatic verdict on ${fileReview.compared - fileReview.disagreements.length} ` +
      `of ${fileReview.compared} file × criterion pairs. Each API request draws the sample, evaluates, stores the review`,
    "and its items, writes an audit row per file and answers with the review, its comparison with the previous one",
    "and the audit rows of the files shown. The bare path reads the population by hand SQL, draws the sample by the",
    "stated method and computes the verdicts by hand SQL (the LVU verdicts by the LVU state machine); it stores nothing.",
    ...fileReview.disagreements.slice(0, 10).map((d) => `- disagreement: ${d}`),
  ];
}

/** Closes the pool, stops the embedded server and removes its data: at the end, or after `--only`. */
const cleanUp = async () => {
  await database.close();
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
const lines: string[] = [];
const log = (s = "") => {
  console.log(s);
  lines.push(s);
};

try {
  const asOf = new Date();
  const { seconds: genSeconds, summary } = await generateApart(databaseUrl, scale);
  // Vacuum as well as analyze: otherwise autovacuum wakes up to the freshly loaded tables in the
  // middle of the first measurement, and the visibility map that index-only scans need is empty.
  await database.pool.query("vacuum (analyze)");

  // The real server, logging at info as in production (to /dev/null so the terminal stays readable).
  const app = await buildApp({
    config: testConfig({ logLevel: "info" }),
    database,
    logStream: createWriteStream("/dev/null"),
  });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "enhetschef", password: DEFAULT_DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    assignments: { districtId: string }[];
  };
  const districtId = me.assignments[0]?.districtId as string;
  const ids = (
    await database.db.execute(sql`select id from persons where district_id = ${districtId} order by id limit 2000`)
  ).rows.map((r) => r.id as string);
  // Persons of other districts: opening one answers 404 and writes a security event (issue #16).
  const othersIds = (
    await database.db.execute(
      sql`select id from persons where district_id <> ${districtId} and protected_match_id is null order by id limit 2000`,
    )
  ).rows.map((r) => r.id as string);
  const get = async (url: string, status = 200) => {
    const res = await fetch(`${base}${url}`, { headers: { cookie, "x-purpose": "Benchmark" } });
    if (res.status !== status) throw new Error(`${url}: ${res.status}`);
    return res.json();
  };

  // This calendar year: a period every role may ask for (an aggregate-only role asks for calendar periods).
  const to = `${stockholmDate(asOf).slice(0, 4)}-12-31`;
  const from = `${stockholmDate(asOf).slice(0, 4)}-01-01`;
  const rows: { name: string; api: Measurement; bare: Measurement; goal: string }[] = [];
  /**
   * Measures both paths in alternating rounds after warming both: drift in the machine's speed
   * (other tenants, autovacuum, CPU boost) then falls on both paths alike instead of on whichever
   * ran second.
   */
  const compare = async (
    name: string,
    goal: string,
    {
      total,
      concurrency,
      warmup = Math.min(1000, total),
      rounds = 1,
    }: { total: number; concurrency: number; warmup?: number; rounds?: number },
    api: (i: number) => Promise<unknown>,
    bare: (i: number) => Promise<unknown>,
  ) => {
    await measure(warmup, concurrency, api);
    await measure(warmup, concurrency, bare);
    const apiRounds: Measurement[] = [];
    const bareRounds: Measurement[] = [];
    for (let round = 0; round < rounds; round++) {
      apiRounds.push(await measure(total / rounds, concurrency, api));
      bareRounds.push(await measure(total / rounds, concurrency, bare));
    }
    rows.push({ name, goal, api: combine(apiRounds), bare: combine(bareRounds) });
  };

  /** The file review's row (see bench/file-review.ts); its figures are kept for the notes. */
  const measureFileReview = async () => {
    // A file review (aktgranskning) as the quality unit makes it: one district, the same year, both
    // kinds, 100 files, a fixed seed — each request a new stored review with its audit rows — versus
    // the hand SQL computing the same verdicts over the files the API drew (bench/file-review.ts).
    const qualityLogin = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "kvalitet", password: DEFAULT_DEMO_PASSWORD }),
    });
    const qualityCookie = (qualityLogin.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const quality = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie: qualityCookie } })).json()) as {
      assignments: { districtId: string }[];
    };
    const fileReview = await fileReviewBench(base, qualityCookie, database.pool, {
      districtId: quality.assignments[0]?.districtId as string,
      from,
      to,
    });
    await compare(
      `POST /api/file-reviews, ${FILE_REVIEW_SAMPLE} files of one district, one year (kvalitet) vs hand SQL of the same verdicts`,
      "≤ 3× bare, < 2 s",
      { total: 40, concurrency: 1, warmup: 4, rounds: 10 },
      () => fileReview.api(),
      () => fileReview.bare(),
    );
    return fileReview;
  };
  /**
   * The lägesbild (issue 21): the year's lägesbild of the whole municipality as the analytiker opens
   * it — every district's reports and insatser through disclosure control, the fältarbete, the
   * audit row — versus the same counts by hand SQL (grouping sets). The lägesbild row is written
   * straight to the database: what is measured is opening it.
   */
  const measureLagesbild = async () => {
    const analystLogin = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "analytiker", password: DEFAULT_DEMO_PASSWORD }),
    });
    const analystCookie = (analystLogin.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const analyst = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie: analystCookie } })).json()) as {
      assignments: { districtId: string }[];
    };
    const districtIds = [...new Set(analyst.assignments.map((a) => a.districtId))];
    const year = Number(from.slice(0, 4));
    const inserted = await database.pool.query(
      `with l as (insert into lagesbilder (year, title, district_ids, created_by)
         select $1, 'Lägesbild (benchmark)', $2::uuid[], id from users where username = 'analytiker' returning id, created_by)
       insert into lagesbild_versions (lagesbild_id, version, created_by) select id, 1, created_by from l returning lagesbild_id`,
      [year, districtIds],
    );
    const lagesbildId = inserted.rows[0]?.lagesbild_id as string;
    await compare(
      `GET /api/lagesbilder/:id, the municipality (${districtIds.length} districts), one year (analytiker) vs hand SQL (grouping sets)`,
      "≤ 3× bare, under 1 s",
      { total: 40, concurrency: 1, warmup: 4, rounds: 4 },
      async () => {
        const res = await fetch(`${base}/api/lagesbilder/${lagesbildId}`, { headers: { cookie: analystCookie } });
        if (res.status !== 200) throw new Error(`lagesbild: ${res.status}`);
        return res.json();
      },
      () => database.pool.query(LAGESBILD, [districtIds, from, to]),
    );
  };
  if (lagesbildOnly) {
    await measureLagesbild();
    await app.close();
    const section = [
      `## Scale \`${scale}\` (seed 1), the lägesbild alone (\`--only lagesbild\`), run ${new Date().toISOString().slice(0, 16)}Z`,
      "",
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Generated in ${genSeconds.toFixed(1)} s. ` +
        `Load average at the end: ${os.loadavg()[0]?.toFixed(1)} (1 min), ${os.loadavg()[1]?.toFixed(1)} (5 min).`,
      "",
      ...apiTable(rows),
      "",
      "The API path reads the year's orosanmälningar and started insatser of every district, derives each record's cell key,",
      "publishes every count through disclosure control with secondary suppression, adds the fältarbete by area and writes",
      "one audit row. The bare path counts the same cells by hand SQL (grouping sets) and publishes nothing.",
    ].join("\n");
    console.log(section);
    writeSection(path.join(import.meta.dirname, "BENCHMARKS.md"), `${scale}-lagesbild`, section);
    await cleanUp();
    process.exit(0);
  }
  if (fileReviewOnly) {
    const fileReview = await measureFileReview();
    await app.close();
    const section = [
      `## Scale \`${scale}\` (seed 1), the file review alone (\`--only file-review\`), run ${new Date().toISOString().slice(0, 16)}Z`,
      "",
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Generated in ${genSeconds.toFixed(1)} s. ` +
        `Load average at the end: ${os.loadavg()[0]?.toFixed(1)} (1 min), ${os.loadavg()[1]?.toFixed(1)} (5 min).`,
      "",
      ...apiTable(rows),
      "",
      ...fileReviewNotes(fileReview),
    ].join("\n");
    console.log(section);
    writeSection(path.join(import.meta.dirname, "BENCHMARKS.md"), `${scale}-file-review`, section);
    await cleanUp();
    process.exit(0);
  }

  // A busy office: eight at once. The warm-up is long because a fresh server takes thousands of
  // reads to settle (its JIT, and the heap growing until full collections become rare): measured
  // from the start, the same path runs a third slower in its first few thousand reads.
  const PERSON_READ_LOAD = { total: 12000, concurrency: 8, warmup: 6000, rounds: 3 };
  const countsBefore = auditedReadCounts();
  const bareServer = deadlinesOnly ? null : await startBareServer(database.pool, PERSON_BY_ID);
  if (bareServer) {
    await compare(
      "GET /api/persons/:id (session, scope, audit row) vs bare Fastify route with the same SELECT",
      "throughput ≥ 0.5× bare, p99 < 20 ms",
      PERSON_READ_LOAD,
      (i) => get(`/api/persons/${ids[i % ids.length]}`),
      (i) => fetch(`${bareServer.url}/bare/${ids[i % ids.length]}`).then((r) => r.json()),
    );
    await compare(
      "GET /api/persons/:id vs the SELECT alone on the pool (no HTTP)",
      "for reference",
      PERSON_READ_LOAD,
      (i) => get(`/api/persons/${ids[i % ids.length]}`),
      (i) => database.pool.query(PERSON_BY_ID, [ids[i % ids.length]]),
    );
    // What a refusal costs: 404 like a missing person, and a hash-chained security event of its own.
    await compare(
      "GET /api/persons/:id of another district's person (404, security event in the audit chain) vs bare Fastify route",
      "for reference",
      { total: 3000, concurrency: 8, warmup: 1000, rounds: 3 },
      (i) => get(`/api/persons/${othersIds[i % othersIds.length]}`, 404),
      (i) => fetch(`${bareServer.url}/bare/${othersIds[i % othersIds.length]}`).then((r) => r.json()),
    );
    await bareServer.close();
  }
  const countsAfter = auditedReadCounts();
  const readsPerStatement = (countsAfter.reads - countsBefore.reads) / (countsAfter.statements - countsBefore.statements);
  if (personReadOnly) {
    await app.close();
    const section = [
      `## Scale \`${scale}\` (seed 1), opening a person alone (\`--only person-read\`), run ${new Date().toISOString().slice(0, 16)}Z`,
      "",
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Generated in ${genSeconds.toFixed(1)} s ` +
        // On a shared machine the absolute figures follow whatever else runs; the ratios much less.
        `(${summary.persons} persons). Load average at the end: ${os.loadavg()[0]?.toFixed(1)} (1 min), ${os.loadavg()[1]?.toFixed(1)} (5 min).`,
      "",
      ...apiTable(rows),
      "",
      "With the sign-in and form limits in PostgreSQL and every 404 of a signed-in user audited (issue #16). The granted",
      "read is warmed with 6,000 requests per path, then measured in three alternating rounds of 4,000 per path, eight at",
      `once; its audit rows were committed ${readsPerStatement.toFixed(1)} reads per statement on average. The denied read`,
      "(1,000 warm-up, three rounds of 1,000) writes one security event per request in a transaction of its own.",
    ].join("\n");
    console.log(section);
    writeSection(path.join(import.meta.dirname, "BENCHMARKS.md"), `${scale}-person-read`, section);
    await cleanUp();
    process.exit(0);
  }
  const now = new Date().toISOString();
  await compare(
    "GET /api/deadlines, one district (enhetschef), with the LUL and LVU clocks vs hand SQL",
    "≤ 2× bare, p95 < 200 ms",
    { total: 300, concurrency: 1 },
    () => get("/api/deadlines"),
    () => database.pool.query(DEADLINE_OVERVIEW, [districtId, now]),
  );
  if (deadlinesOnly) {
    await app.close();
    writeSection(
      path.join(import.meta.dirname, "BENCHMARKS.md"),
      `${scale}-deadlines`,
      [
        `## Scale \`${scale}\` (seed 1), the deadline overview alone (\`--only deadlines\`), run ${new Date().toISOString().slice(0, 16)}Z`,
        "",
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Generated in ${genSeconds.toFixed(1)} s: ` +
          `${summary.lvuProcesses} LVU processes and ${summary.lulYttranden} LUL yttranden among ${summary.cases} cases.`,
        "",
        ...apiTable(rows),
        "",
        "The hand SQL computes the same clocks (case flow, running insatser, unsent LUL yttranden, running LVU processes)",
        "with nominal last days (no moves under lag (1930:173) 2 §); the API computes them in src/domain and audits each",
        "person shown. Concurrency 1: one user's wait.",
      ].join("\n"),
    );
    await cleanUp();
    process.exit(0);
  }
  await compare(
    "GET /api/reports/handling-times, one district, one year vs hand SQL",
    "≤ 2× bare",
    { total: 100, concurrency: 1 },
    () => get(`/api/reports/handling-times?from=${from}&to=${to}&districtId=${districtId}`),
    () => database.pool.query(HANDLING_TIMES, [districtId, from, to]),
  );
  await compare(
    "GET /api/reports/samlad-bild, one district, one year vs hand SQL (grouping sets)",
    "≤ 3× bare, under 1 s",
    { total: 100, concurrency: 1 },
    () => get(`/api/reports/samlad-bild?from=${from}&to=${to}&districtId=${districtId}`),
    () => database.pool.query(SAMLAD_BILD, [districtId, from, to]),
  );
  // The effect report as the nämnd's analyst sees it: the whole municipality (every district's
  // quality unit), the same year as above.
  const analystLogin = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "analytiker", password: DEFAULT_DEMO_PASSWORD }),
  });
  const analystCookie = (analystLogin.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const analyst = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie: analystCookie } })).json()) as {
    assignments: { districtId: string }[];
  };
  const analystDistricts = [...new Set(analyst.assignments.map((a) => a.districtId))];
  const getAsAnalyst = async (url: string) => {
    const res = await fetch(`${base}${url}`, { headers: { cookie: analystCookie, "x-purpose": "Benchmark" } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return res.json();
  };
  await compare(
    "GET /api/reports/effects, all districts (analytiker), one year vs hand SQL (CTEs, grouping sets)",
    "≤ 3× bare, < 1 s",
    { total: 100, concurrency: 1 },
    () => getAsAnalyst(`/api/reports/effects?from=${from}&to=${to}`),
    () =>
      database.pool.query(EFFECT_REPORT, [
        analystDistricts,
        from,
        to,
        `${Number(to.slice(0, 4)) - 4}-01-01`,
        `${to.slice(0, 4)}-12-31`,
        to,
      ]),
  );
  const fileReview = await measureFileReview();
  await measureLagesbild();
  // What disclosure control costs: the same report, in process, with the real publisher and with
  // one that protects nothing (bench/unprotected.ts), in alternating rounds.
  const actorOf = async (c: string) => {
    const token = decodeURIComponent(c.slice(c.indexOf("=") + 1));
    const actor = await actorForSession(database.db, testConfig(), token, { id: "bench", ip: "127.0.0.1" });
    if (!actor) throw new Error("no actor for the benchmark's session");
    return actor;
  };
  const chefActor = await actorOf(cookie);
  const protectionRows: { name: string; protected: Measurement; unprotected: Measurement }[] = [];
  const protectionCost = async (name: string, run: (publisher: Publisher) => Promise<unknown>) => {
    await measure(20, 1, () => run(disclosure));
    await measure(20, 1, () => run(unprotected));
    const p: Measurement[] = [];
    const u: Measurement[] = [];
    for (let round = 0; round < 3; round++) {
      p.push(await measure(30, 1, () => run(disclosure)));
      u.push(await measure(30, 1, () => run(unprotected)));
    }
    protectionRows.push({ name, protected: combine(p), unprotected: combine(u) });
  };
  await protectionCost("Samlad bild, one district, one year", (publisher) =>
    samladBild(database, chefActor, { from, to, districtId }, new Date(), publisher),
  );
  await protectionCost("Handling times, one district, one year", (publisher) =>
    handlingTimes(database, chefActor, { from, to, districtId }, new Date(), publisher),
  );
  const analystActor = await actorOf(analystCookie);
  await protectionCost("Effect report, all districts (analytiker), one year and its five-year trend", (publisher) =>
    effectReport(database, analystActor, { from, to }, new Date(), publisher),
  );
  await app.close();

  const pgVersion = (await database.pool.query("show server_version")).rows[0]?.server_version;
  log(`## Scale \`${scale}\` (seed 1), run ${new Date().toISOString().slice(0, 16)}Z`);
  log();
  log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, PostgreSQL ${pgVersion} (${embedded ? "embedded" : "external"}).`,
  );
  log();
  log(`Generated in **${genSeconds.toFixed(1)} s** (goal for city: under 120 s).`);
  log();
  log("| " + Object.keys(summary).join(" | ") + " |");
  log(
    "|" +
      Object.keys(summary)
        .map(() => "---:")
        .join("|") +
      "|",
  );
  log("| " + Object.values(summary).join(" | ") + " |");
  log();
  log("### API versus the bare limit");
  log();
  for (const line of apiTable(rows)) log(line);
  log();
  log("### What disclosure control costs");
  log();
  log("The same report in process (no HTTP), with the disclosure module and with a publisher that protects nothing");
  log("(true counts, no record keys, no secondary suppression), 90 runs each in alternating rounds. Goal: ≤ 1.5×.");
  log();
  log("| Report | Protected p50 / p95 | Unprotected p50 / p95 | Ratio (p50) |");
  log("|---|---|---|---:|");
  for (const r of protectionRows) {
    log(
      `| ${r.name} | ${ms(r.protected.p50)} / ${ms(r.protected.p95)} | ${ms(r.unprotected.p50)} / ${ms(r.unprotected.p95)} | ` +
        `**${(r.protected.p50 / r.unprotected.p50).toFixed(2)}×** |`,
    );
  }
  log();
  log("Concurrency: 8 for the person read (a busy office), 1 for the overview and the reports (one user's wait).");
  for (const line of fileReviewNotes(fileReview)) log(line);
  log("The person read is warmed with 6,000 requests per path, then measured in three alternating rounds of");
  log(
    `4,000 per path. Under that load its audit rows were committed ${readsPerStatement.toFixed(1)} reads per statement on average.`,
  );
  log("The load generator runs in the same process as the server, on the same two cores as PostgreSQL, for both");
  log("paths alike. What the API does beyond the bare path: the session lookup (cached 5 s), the scope condition,");
  log("zod validation and serialisation, security headers, a log line, and one hash-chained audit row per person");
  log("shown (the overview lists up to 200 names, each audited).");
  writeSection(path.join(import.meta.dirname, "BENCHMARKS.md"), scale, lines.join("\n"));
} finally {
  await cleanUp();
}
