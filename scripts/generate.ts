/**
 * npm run generate -- --scale city --seed 1
 * Fills the database (DATABASE_URL, or the embedded one in VAGVAL_DATA_DIR) with a synthetic
 * municipality. Refuses a database that already holds persons: it never mixes with real data.
 */
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { ensureAdmin, markSynthetic } from "../src/server/bootstrap";
import { connect, runMigrations } from "../src/server/db/connection";
import { startEmbeddedPostgres } from "../src/server/db/embedded";
import { persons } from "../src/server/db/schema/index";
import { loadConfig } from "../src/server/platform/config";
import { DEFAULT_DEMO_PASSWORD, generateMunicipality, SCALES, type Scale } from "./synthetic/generate";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "small" },
    seed: { type: "string", default: "1" },
    // One JSON line { seconds, summary } instead of the text, for the benchmark that runs this.
    json: { type: "boolean", default: false },
  },
});
const scale = values.scale as Scale;
if (!(scale in SCALES)) {
  console.error(`--scale must be one of: ${Object.keys(SCALES).join(", ")}`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error("--seed must be an integer");
  process.exit(2);
}

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const database = connect(config.databaseUrl ?? (embedded as { url: string }).url);
let exitCode = 0;
try {
  await runMigrations(database.db);
  const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(persons);
  if (n > 0) {
    console.error(`The database already holds ${n} persons; the generator only fills an empty one.`);
    exitCode = 1;
  } else {
    const boot = await ensureAdmin(database, config.adminPassword);
    const started = performance.now();
    const summary = await generateMunicipality(database, {
      scale,
      seed,
      staffPassword: config.demoPassword ?? DEFAULT_DEMO_PASSWORD,
    });
    await markSynthetic(database);
    const seconds = (performance.now() - started) / 1000;
    if (values.json) console.log(JSON.stringify({ seconds, summary }));
    else {
      console.log(`Synthetic municipality (scale ${scale}, seed ${seed}) in ${seconds.toFixed(1)} s:`);
      for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(16)} ${v}`);
      if (boot.generatedAdminPassword) console.log(`  admin password (shown once): ${boot.generatedAdminPassword}`);
    }
  }
} finally {
  await database.close();
  await embedded?.stop();
}
process.exit(exitCode);
