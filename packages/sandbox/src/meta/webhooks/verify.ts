export interface VerificationResult {
  ok: boolean;
  /** Meta's words for a failure, reused in the 2200 error message. */
  detail: string;
}

/**
 * The verification GET of §2.2: accepted only on `200` with the exact challenge as the body.
 */
export async function verifyCallback(args: {
  callbackUrl: string;
  verifyToken: string;
  challenge: string;
  timeoutMs: number;
}): Promise<VerificationResult> {
  let url: URL;
  try {
    url = new URL(args.callbackUrl);
  } catch {
    return { ok: false, detail: "The URL couldn't be validated. Callback URL is not valid." };
  }
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.challenge", args.challenge);
  url.searchParams.set("hub.verify_token", args.verifyToken);
  try {
    const response = await fetch(url, {
      headers: { "user-agent": "facebookplatform/1.0 (+http://developers.facebook.com)" },
      signal: AbortSignal.timeout(args.timeoutMs),
    });
    const body = await response.text();
    if (response.status !== 200) {
      return {
        ok: false,
        detail: `HTTP Status Code = ${response.status}; HTTP Message = ${response.statusText}`,
      };
    }
    if (body !== args.challenge) {
      return {
        ok: false,
        detail: `The URL couldn't be validated. Response does not match challenge, expected value="${args.challenge}", received="${body.slice(0, 64)}"`,
      };
    }
    return { ok: true, detail: "" };
  } catch (error) {
    return { ok: false, detail: `URL couldn't be validated. ${(error as Error).message}` };
  }
}
