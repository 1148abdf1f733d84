/**
 * X's error bodies (reference §1.11). Problem bodies go out as application/problem+json, like X;
 * the `type` host is the one seen in real responses (docs now print api.x.com), so consumers
 * should match on the `/problems/<x>` suffix.
 */
export const PROBLEMS = "https://api.twitter.com/2/problems/";

export type ErrorBody = Record<string, unknown>;

export class XApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === "string" ? body.detail : `X API error ${status}`);
  }
}

export interface ParameterError {
  parameters: Record<string, string[]>;
  message: string;
}

function blank(status: number, title: string, detail: string): ErrorBody {
  return { title, detail, type: "about:blank", status };
}

export const unauthorized = () =>
  new XApiError(401, { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" });

export function unsupportedAuthentication(used: string, supported: string[]): XApiError {
  return new XApiError(403, {
    title: "Unsupported Authentication",
    detail: `Authenticating with ${used} is forbidden for this endpoint.  Supported authentication types are [${supported.join(", ")}].`,
    type: `${PROBLEMS}unsupported-authentication`,
    status: 403,
  });
}

export function invalidRequest(errors: ParameterError[]): XApiError {
  return new XApiError(400, {
    errors,
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: `${PROBLEMS}invalid-request`,
  });
}

/** A single invalid parameter, the most common 400. */
export function invalidParameter(name: string, value: string, message: string): XApiError {
  return invalidRequest([{ parameters: { [name]: [value] }, message }]);
}

/** Body errors carry only a message (there is no query parameter to name). */
export function invalidBody(message: string): XApiError {
  return new XApiError(400, {
    errors: [{ message }],
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: `${PROBLEMS}invalid-request`,
  });
}

export const forbidden = (detail: string) => new XApiError(403, blank(403, "Forbidden", detail));

export const tooManyRequests = () => new XApiError(429, blank(429, "Too Many Requests", "Too Many Requests"));

export function statusError(status: number): XApiError {
  const titles: Record<number, string> = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    429: "Too Many Requests",
  };
  const title = titles[status] ?? "Error";
  return new XApiError(status, blank(status, title, title));
}

/** The partial error X puts in `errors[]` of a 200 when a requested/expanded object is missing. */
export function resourceNotFound(input: {
  value: string;
  parameter: string;
  resourceType: "tweet" | "user";
}) {
  const subject = input.resourceType === "tweet" ? "tweet" : "user";
  return {
    value: input.value,
    detail: `Could not find ${subject} with ${input.parameter}: [${input.value}].`,
    title: "Not Found Error",
    resource_type: input.resourceType,
    parameter: input.parameter,
    resource_id: input.value,
    type: `${PROBLEMS}resource-not-found`,
  };
}

export function routeNotFound(): XApiError {
  return new XApiError(404, { errors: [{ message: "Sorry, that page does not exist", code: 34 }] });
}
