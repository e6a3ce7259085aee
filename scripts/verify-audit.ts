/**
 * npm run audit:verify
 * Walks the hash chain of the audit log and reports the first row whose link does not hold.
 * Exit code 0 when intact, 1 when broken: usable from cron or a monitoring check.
 */
import { connect } from "../src/server/db/connection";
import { startEmbeddedPostgres } from "../src/server/db/embedded";
import { verifyAuditChain } from "../src/server/modules/audit/service";
import { loadConfig } from "../src/server/platform/config";

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const database = connect(config.databaseUrl ?? (embedded as { url: string }).url);
let intact = false;
try {
  const report = await verifyAuditChain(database);
  intact = report.intact;
  console.log(
    report.intact
      ? `Audit chain intact: ${report.checked} rows checked.`
      : `Audit chain BROKEN at row ${report.firstBrokenId} (${report.checked} rows checked before it).`,
  );
} finally {
  await database.close();
  await embedded?.stop();
}
process.exit(intact ? 0 : 1);
