import { describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { connect } from "../../db/connection";
import { testConfig } from "../../platform/config";
import { freshDatabase } from "../../testing/database";

describe("GET /api/health", () => {
  it("answers 200 ok while the database answers", async () => {
    const database = await freshDatabase();
    const app = await buildApp({ config: testConfig(), database });
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    await app.close();
    await database.close();
  });

  it("answers 503 when the database does not", async () => {
    // Nothing listens on port 1: every query fails at once.
    const database = connect("postgres://nobody:nothing@127.0.0.1:1/none", 1);
    const app = await buildApp({ config: testConfig(), database });
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "unavailable" });
    await app.close();
    await database.close();
  });
});
