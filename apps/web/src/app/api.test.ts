import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, errorMessage } from "./api";

function answer(status: number, body?: unknown, type = "application/json") {
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": type };
  const init: ResponseInit = { status, headers };
  return new Response(body === undefined ? null : JSON.stringify(body), init);
}

afterEach(() => vi.unstubAllGlobals());

describe("api client", () => {
  it("sends JSON with the session cookie and skips empty query values", async () => {
    const fetchMock = vi.fn(async () => answer(200, { items: [], next_cursor: null }));
    vi.stubGlobal("fetch", fetchMock);
    await api.get("/conversations", { status: ["new", "open"], channel: [], q: "", cursor: null, limit: 50 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/conversations?status=new%2Copen&limit=50");
    expect(init.credentials).toBe("same-origin");
  });

  it("turns problem+json into an ApiError with field errors", async () => {
    const problem = {
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      detail: "The request body is invalid.",
      errors: [{ field: "body.password", message: "must be at least 10 characters" }],
    };
    vi.stubGlobal("fetch", async () => answer(400, problem, "application/problem+json"));
    const error = await api.post("/users", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldErrors()).toEqual({ password: "Must be at least 10 characters" });
    expect(errorMessage(error)).toBe("The request body is invalid.");
  });

  it("answers undefined for 204 and survives a non-JSON error page", async () => {
    vi.stubGlobal("fetch", async () => answer(204));
    await expect(api.delete("/api-keys/1")).resolves.toBeUndefined();
    vi.stubGlobal(
      "fetch",
      async () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    const error = await api.get("/auth/me").catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(502);
    expect(errorMessage(error)).toBe("Bad Gateway");
  });
});
