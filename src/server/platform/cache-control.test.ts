import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const concrete = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());

describe("Cache-Control", () => {
  it("is no-store on every registered route's answer, signed in or not, success or error", async () => {
    const cookie = await w.login("enhetschef");
    const missing: string[] = [];
    const routes = w.app.declaredRoutes.filter((r) => r.url.startsWith("/api/") && r.url !== "/api/auth/logout");
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      for (const headers of [{ cookie }, {}]) {
        const res = await w.app.inject({
          method: route.method as "GET",
          url: concrete(route.url),
          headers,
          ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }),
        });
        if (res.headers["cache-control"] !== "no-store")
          missing.push(`${route.method} ${route.url} (${res.statusCode}): ${res.headers["cache-control"]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("is no-store on the framework's own errors and on the pages, the self-report form's included", async () => {
    const answers = [
      await w.app.inject({ method: "GET", url: "/api/nothing-here" }),
      await w.app.inject({ method: "GET", url: `/api/persons/${"a".repeat(200)}` }),
      await w.app.inject({ method: "GET", url: "/api/persons/%E0%A4%A" }),
      await w.app.inject({ method: "GET", url: "/svar" }),
      await w.app.inject({ method: "GET", url: "/" }),
      await w.app.inject({ method: "GET", url: "/api/openapi.json" }),
    ];
    for (const res of answers) expect(res.headers["cache-control"]).toBe("no-store");
    expect(answers[1]?.statusCode).toBe(414);
    expect(answers[1]?.json().error.code).toBe("uri_too_long");
    expect(answers[2]?.statusCode).toBe(400);
    expect(answers[2]?.json().error.code).toBe("bad_url");
    expect(answers[2]?.body).not.toContain("%E0");
  });
});
