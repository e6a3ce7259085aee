import { defineConfig } from "vitest/config";

const databaseSetup = "src/server/testing/global-setup.ts";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/domain/**/*.test.ts", "scripts/**/*.test.ts"], exclude: ["**/*.db.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["src/server/**/*.test.ts", "scripts/**/*.db.test.ts"],
          globalSetup: [databaseSetup],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: [databaseSetup],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
