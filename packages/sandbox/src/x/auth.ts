import { unauthorized, unsupportedAuthentication } from "./errors";
import { parseOAuthHeader, verifyOAuth1 } from "./oauth1";

/** Who is calling: the app itself (OAuth 2.0 app-only bearer) or a user (OAuth 2.0 user / OAuth 1.0a). */
export type AuthContext =
  | { kind: "app"; token: string }
  | { kind: "user"; userId: string; via: "oauth2" | "oauth1" };

/** "app": app-only endpoints (stream, rules, webhooks); "user": user context; "any": both. */
export type AuthRequirement = "app" | "user" | "any";

export interface UserToken {
  userId: string;
  /** OAuth 2.0 user-context access token (Bearer). */
  bearer?: string;
  /** OAuth 1.0a access token and secret. */
  accessToken?: string;
  accessSecret?: string;
}

export interface Credentials {
  bearerTokens: string[];
  consumerKey: string;
  consumerSecret: string;
  userTokens: UserToken[];
  /** "signature": verify the OAuth 1.0a HMAC-SHA1 signature; "keys": only check that key and token are known. */
  oauth1: "signature" | "keys";
}

const LABELS = {
  app: "OAuth 2.0 Application-Only",
  oauth2: "OAuth 2.0 User Context",
  oauth1: "OAuth 1.0a User Context",
};

export function authenticate(input: {
  authorization: string | undefined;
  method: string;
  url: string;
  formParams?: Array<[string, string]>;
  credentials: Credentials;
}): AuthContext {
  const { authorization, credentials } = input;
  if (!authorization) throw unauthorized();
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
  if (bearer !== undefined) {
    if (credentials.bearerTokens.includes(bearer)) return { kind: "app", token: bearer };
    const user = credentials.userTokens.find((t) => t.bearer === bearer);
    if (user) return { kind: "user", userId: user.userId, via: "oauth2" };
    throw unauthorized();
  }
  const oauth = parseOAuthHeader(authorization);
  if (!oauth || oauth.oauth_consumer_key !== credentials.consumerKey) throw unauthorized();
  const user = credentials.userTokens.find(
    (t) => t.accessToken !== undefined && t.accessToken === oauth.oauth_token,
  );
  if (!user) throw unauthorized();
  if (credentials.oauth1 === "signature") {
    const valid = verifyOAuth1({
      method: input.method,
      url: input.url,
      header: oauth,
      formParams: input.formParams,
      consumerSecret: credentials.consumerSecret,
      tokenSecret: user.accessSecret ?? "",
    });
    if (!valid) throw unauthorized();
  }
  return { kind: "user", userId: user.userId, via: "oauth1" };
}

/** 403 unsupported-authentication when the auth mode is wrong for the endpoint (§1 emulator note). */
export function requireMode(auth: AuthContext, requirement: AuthRequirement): void {
  if (requirement === "any") return;
  if (requirement === "user" && auth.kind === "app") {
    throw unsupportedAuthentication(LABELS.app, [LABELS.oauth1, LABELS.oauth2]);
  }
  if (requirement === "app" && auth.kind === "user") {
    throw unsupportedAuthentication(LABELS[auth.via], [LABELS.app]);
  }
}

/** Rate-limit bucket: per app for app-only calls, per user for user-context calls (§1.11). */
export function identityOf(auth: AuthContext): string {
  return auth.kind === "app" ? "app" : `user:${auth.userId}`;
}
