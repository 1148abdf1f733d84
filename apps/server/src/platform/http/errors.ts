import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type FieldError, HttpProblem } from "./problem";

const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

export function sendProblem(reply: FastifyReply, problem: HttpProblem, instance?: string) {
  return reply.status(problem.status).type(PROBLEM_TYPE).send(problem.toJSON(instance));
}

/** Fastify's own client errors, with the words we answer them with. */
const FASTIFY_CLIENT_ERRORS: Record<string, (e: FastifyError) => HttpProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (e) =>
    new HttpProblem(400, "Malformed JSON", `The body is not valid JSON: ${e.message}`),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new HttpProblem(400, "Malformed JSON", "The body is empty but the content type is application/json."),
  FST_ERR_CTP_BODY_TOO_LARGE: (e) => new HttpProblem(413, "Payload Too Large", e.message),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) => new HttpProblem(415, "Unsupported Media Type", e.message),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: (e) => new HttpProblem(400, "Bad Request", e.message),
};

function validationProblem(error: FastifyError & { validation: unknown[] }): HttpProblem {
  const where = error.validationContext ?? "body";
  const errors: FieldError[] = [];
  for (const v of error.validation as {
    keyword: string;
    instancePath: string;
    message?: string;
    params: Record<string, unknown>;
  }[]) {
    const base = [where, ...v.instancePath.split("/").filter(Boolean)].join(".");
    if (v.keyword === "unrecognized_keys" && Array.isArray(v.params.keys)) {
      for (const key of v.params.keys)
        errors.push({ field: `${base}.${key}`, message: "is not a known field" });
    } else {
      errors.push({ field: base, message: v.message ?? "is invalid" });
    }
  }
  const detail = errors.map((e) => `${e.field} ${e.message}`).join("; ");
  return new HttpProblem(400, "Validation Failed", detail, errors);
}

export function toProblem(error: FastifyError): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return validationProblem(error);
  if (error.validation) return validationProblem(error as FastifyError & { validation: unknown[] });
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) return known(error);
  if (error instanceof SyntaxError) return new HttpProblem(400, "Malformed JSON", error.message);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return new HttpProblem(status, error.name || "Bad Request", error.message);
  return new HttpProblem(
    500,
    "Internal Server Error",
    "Something went wrong on our side; it has been logged.",
  );
}

/** Every error, ours or Fastify's, leaves as application/problem+json. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, problem, request.url);
  });
}
