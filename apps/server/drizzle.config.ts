import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` (from apps/server) writes a new SQL migration after a schema change.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/platform/db/schema/index.ts",
  out: "./drizzle",
});
