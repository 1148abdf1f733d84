import type { Problem } from "@parley/contracts";

export type FieldError = { field: string; message: string };

/** An error that becomes an RFC 9457 application/problem+json answer. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }

  toJSON(instance?: string): Problem {
    return {
      type: `https://parley.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, "Bad Request", detail, errors);
export const unauthorized = (detail = "Log in or send an API key as `Authorization: Bearer <key>`.") =>
  new HttpProblem(401, "Unauthorized", detail);
export const forbidden = (detail: string) => new HttpProblem(403, "Forbidden", detail);
export const notFound = (what: string) => new HttpProblem(404, "Not Found", `${what} was not found.`);
export const conflict = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(409, "Conflict", detail, errors);

/** Throws 404 when a workspace-scoped lookup found nothing; narrows the type otherwise. */
export function found<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw notFound(what);
  return value;
}
