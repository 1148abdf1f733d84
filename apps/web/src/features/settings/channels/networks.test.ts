import { CHANNEL_CREDENTIALS, DEFAULT_BASE_URLS } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { CONNECTABLE, connectErrors, NETWORK_FORM } from "./networks";

describe("NETWORK_FORM", () => {
  it.each(CONNECTABLE)(
    "asks for exactly the %s credentials and default base URL of the contract",
    (network) => {
      const form = NETWORK_FORM[network];
      expect(form.credentials.map((c) => c.key).sort()).toEqual(
        Object.keys(CHANNEL_CREDENTIALS[network].shape).sort(),
      );
      expect(form.baseUrl).toBe(DEFAULT_BASE_URLS[network]);
    },
  );
});

describe("connectErrors", () => {
  it("puts credential errors under their input and the rest under the field", () => {
    expect(
      connectErrors([
        { field: "body.credentials.api_secret", message: "too small" },
        { field: "body.external_account_id", message: "is already connected" },
        { field: "body.name", message: "required" },
        { field: "body.name", message: "second message is dropped" },
        { field: "body.credentials", message: "expected an object" },
      ]),
    ).toEqual({
      fields: {
        external_account_id: "Is already connected",
        name: "Required",
        credentials: "Expected an object",
      },
      credentials: { api_secret: "Too small" },
    });
  });
});
