#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript sources through tsx: no build step, no stale output (docs/adr/0002).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/index.ts");
