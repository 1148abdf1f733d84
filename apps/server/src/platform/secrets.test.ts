import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { createSecretBox, hashPassword, resolveSecretKey, verifyPassword } from "./secrets";

it("hashes passwords with scrypt and verifies them", async () => {
  const hash = await hashPassword("correct horse battery");
  expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  expect(await verifyPassword("correct horse battery", hash)).toBe(true);
  expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  expect(await hashPassword("correct horse battery")).not.toBe(hash);
});

it("encrypts channel secrets with AES-256-GCM and detects tampering", () => {
  const box = createSecretBox(randomBytes(32).toString("hex"));
  const sealed = box.encrypt('{"access_token":"EAAB..."}');
  expect(sealed).not.toContain("EAAB");
  expect(box.decrypt(sealed)).toBe('{"access_token":"EAAB..."}');
  const parts = sealed.split(".");
  parts[3] = `${parts[3]?.slice(0, -2)}AA`;
  expect(() => box.decrypt(parts.join("."))).toThrow();
  expect(() => createSecretBox(randomBytes(32).toString("hex")).decrypt(sealed)).toThrow();
});

it("generates the embedded key once, private to the owner", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-key-"));
  const key = resolveSecretKey(null, dir);
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(resolveSecretKey(null, dir)).toBe(key);
  expect(statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
  expect(resolveSecretKey("ab".repeat(32), dir)).toBe("ab".repeat(32));
});
