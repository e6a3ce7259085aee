import { count } from "drizzle-orm";
import pino from "pino";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, generateMunicipality } from "../../scripts/synthetic/generate";
import { buildApp } from "./app";
import { ensureAdmin, isSyntheticDatabase, markSynthetic } from "./bootstrap";
import { connect, runMigrations } from "./db/connection";
import { startEmbeddedPostgres } from "./db/embedded";
import { persons } from "./db/schema/index";
import { ensureShippedInstruments } from "./modules/assessments/shipped";
import { ensureStarterIsu } from "./modules/effects/starter";
import { ensureStarterCatalogue } from "./modules/interventions/catalogue.service";
import { loadConfig } from "./platform/config";
import { logSerializers } from "./platform/log-safety";
import { pruneSessions } from "./platform/sessions";
import { pruneThrottle } from "./platform/throttle";

const config = loadConfig();
const log = pino({ level: config.logLevel, serializers: logSerializers });
for (const warning of config.warnings) log.warn(warning);

async function main() {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, (m) => log.debug({ component: "postgres" }, m));
  const database = connect(config.databaseUrl ?? (embedded as { url: string }).url);
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stopAll("SIGINT"));
  process.on("SIGTERM", () => void stopAll("SIGTERM"));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;

  await runMigrations(database.db);
  // The free and structure-only instrument definitions are there from the first start.
  await ensureShippedInstruments(database.db);
  await ensureStarterCatalogue(database.db);
  await ensureStarterIsu(database.db);
  const boot = await ensureAdmin(database, config.adminPassword);
  const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(persons);
  if (n === 0 && config.loadDemo) {
    log.info("empty database: loading the synthetic demo municipality");
    await generateMunicipality(database, {
      scale: "small",
      seed: 1,
      staffPassword: config.demoPassword ?? DEFAULT_DEMO_PASSWORD,
    });
    await markSynthetic(database);
  }
  await pruneSessions(database.db, config);
  await pruneThrottle(database.pool, 2 * config.loginLockMs);

  app = await buildApp({ config, database });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  const lines = [``, `  Vägval is running at ${url}`, `  API docs: ${url}/api/docs`];
  if (boot.generatedAdminPassword) {
    lines.push(`  Admin sign-in (shown once): admin / ${boot.generatedAdminPassword}`);
  }
  if (await isSyntheticDatabase(database)) {
    lines.push(
      `  Demo (SYNTETISKA DATA) sign-in, password ${config.demoPassword ? "from VAGVAL_DEMO_PASSWORD" : DEFAULT_DEMO_PASSWORD}:`,
      ...DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(14)} ${a.role}`),
    );
  }
  console.log(`${lines.join("\n")}\n`);
}

main().catch((err) => {
  log.fatal({ err }, "failed to start");
  process.exit(1);
});
