import { createWriteStream } from "node:fs";
import Fastify from "fastify";
import { buildApp } from "./src/server/app";
import { connect } from "./src/server/db/connection";
import { startEmbeddedPostgres } from "./src/server/db/embedded";
import { testConfig } from "./src/server/platform/config";
import { measure } from "./bench/measure";
import { PERSON_BY_ID } from "./bench/bare-queries";
const emb = await startEmbeddedPostgres("/tmp/vv-city");
const database = connect(emb.url, 20);
const app = await buildApp({ config: testConfig({ logLevel: "info" }), database, logStream: createWriteStream("/dev/null") });
const base = await app.listen({ port: 0, host: "127.0.0.1" });
const bare = Fastify(); bare.get<{ Params: { id: string } }>("/b/:id", async (r) => (await database.pool.query(PERSON_BY_ID, [r.params.id])).rows[0]);
const bbase = await bare.listen({ port: 0, host: "127.0.0.1" });
const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "enhetschef", password: "syntetisk-demo-2026" } });
const cookie = `vagval_session=${login.cookies.find((c) => c.name === "vagval_session")?.value}`;
const me = (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).json();
const own = (await database.pool.query("select id from persons where district_id = $1 limit 1000", [me.assignments[0].districtId])).rows.map((r) => r.id);
for (let k = 0; k < 2; k++) {
  const a = await measure(3000, 8, (i) => fetch(`${base}/api/persons/${own[i % own.length]}`, { headers: { cookie } }).then((r) => r.text()));
  const b = await measure(3000, 8, (i) => fetch(`${bbase}/b/${own[i % own.length]}`).then((r) => r.text()));
  const h = await measure(3000, 8, () => fetch(`${base}/api/auth/me`, { headers: { cookie } }).then((r) => r.text()));
  console.log("api", a.perSecond.toFixed(0), "bare", b.perSecond.toFixed(0), "me", h.perSecond.toFixed(0), "ratio", (a.perSecond / b.perSecond).toFixed(2), "p99", a.p99.toFixed(1));
}
await app.close(); await bare.close(); await database.close(); await emb.stop();
