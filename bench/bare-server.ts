import Fastify from "fastify";
import type pg from "pg";

/**
 * The bare HTTP limit: a plain Fastify server on the same machine and database that answers with
 * the same SELECT and no session, scope, validation, audit or logging.
 */
export async function startBareServer(pool: pg.Pool, sqlText: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>("/bare/:id", async (request) => {
    const { rows } = await pool.query(sqlText, [request.params.id]);
    return rows[0];
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}
