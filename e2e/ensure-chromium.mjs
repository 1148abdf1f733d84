#!/usr/bin/env node
// `npm test` runs the end-to-end flows in Debian's Chromium (never a browser downloaded by a
// package): install it with apt-get when it is missing and we may, otherwise say what to install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const canInstall = process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
if (!canInstall) {
  console.error(
    `The end-to-end tests need Chromium at ${path}. Install Debian's package as root:\n` +
      "  apt-get update && apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium binary.",
  );
  process.exit(1);
}

const apt = (args) => {
  console.error(`e2e: apt-get ${args.join(" ")}`);
  // Waits for another apt/dpkg run (e.g. a second engineer's install) instead of failing on its lock.
  const r = spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=300", ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.status !== 0) {
    console.error(`e2e: apt-get ${args[0]} failed (exit ${r.status}); install chromium by hand.`);
    process.exit(1);
  }
};
apt(["update"]);
apt(["install", "-y", "chromium"]);
if (!existsSync(path)) {
  console.error(`e2e: chromium installed but ${path} is missing; set CHROMIUM_PATH.`);
  process.exit(1);
}
