import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

describe("the reason for completing without a structured assessment", () => {
  it("is stored on completion and shown with the investigation in the case file", async () => {
    const c = await seedCase(w, "own", "investigating");
    const cookie = await w.login("handlaggare");
    const done = await w.app.inject({
      method: "POST",
      url: `/api/investigations/${c.investigationId}/complete`,
      headers: { cookie },
      payload: {
        completedOn: new Date().toISOString().slice(0, 10),
        noAssessmentReason: "vardnadshavare_den_unge_avbojt",
        noAssessmentNote: "Familjen ville inte medverka",
        childView: "Vill inte ha kontakt med socialtjänsten.",
      },
    });
    expect(done.statusCode, done.body).toBe(200);
    const file = await w.app.inject({ method: "GET", url: `/api/cases/${c.caseId}`, headers: { cookie } });
    expect(file.json().investigations[0]).toMatchObject({
      id: c.investigationId,
      noAssessmentReason: "vardnadshavare_den_unge_avbojt",
      noAssessmentNote: "Familjen ville inte medverka",
    });
  });

  it("is null for an investigation completed with none given", async () => {
    const c = await seedCase(w, "own", "investigated");
    const file = await w.app.inject({
      method: "GET",
      url: `/api/cases/${c.caseId}`,
      headers: { cookie: await w.login("kvalitet") },
    });
    expect(file.json().investigations[0]).toMatchObject({ noAssessmentReason: null, noAssessmentNote: null });
  });
});
