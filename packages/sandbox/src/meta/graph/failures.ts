import { GraphError, type GraphErrorInit } from "./errors";

/** A Graph error returned instead of the next `times` matching calls (control API). */
export interface FailureRule {
  id: number;
  method?: string | undefined;
  /** Substring of the path after the version, e.g. `/messages` or `104455667788990/feed`. */
  path?: string | undefined;
  error: GraphErrorInit;
  remaining: number;
}

export type FailureInput = Omit<FailureRule, "id" | "remaining"> & { times?: number | undefined };

export class FailureInjector {
  private rules: FailureRule[] = [];
  private nextId = 1;

  add(input: FailureInput): FailureRule {
    const rule: FailureRule = {
      id: this.nextId++,
      method: input.method?.toUpperCase(),
      path: input.path,
      error: input.error,
      remaining: input.times ?? 1,
    };
    this.rules.push(rule);
    return rule;
  }

  /** Consumes one use of the first rule matching the call, if any. */
  take(method: string, path: string): GraphError | undefined {
    const rule = this.rules.find(
      (r) => (!r.method || r.method === method) && (!r.path || path.includes(r.path)),
    );
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return new GraphError(rule.error);
  }

  list(): FailureRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}

export function initOf(error: GraphError): GraphErrorInit {
  return {
    code: error.code,
    message: error.message,
    subcode: error.subcode,
    type: error.type,
    status: error.status,
    isTransient: error.isTransient,
    errorData: error.errorData,
  };
}

export interface FailureRequest {
  /** A named preset of the emulator (e.g. `app_rate_limit`), or... */
  kind?: string | undefined;
  /** ...an explicit error. */
  error?:
    | {
        code: number;
        subcode?: number | undefined;
        message?: string | undefined;
        type?: string | undefined;
        status?: number | undefined;
      }
    | undefined;
  method?: string | undefined;
  path?: string | undefined;
  times?: number | undefined;
}

/** Turns a control-API request into a rule; `undefined` when the preset name is unknown. */
export function failureInput(
  request: FailureRequest,
  presets: Record<string, () => GraphError>,
): FailureInput | undefined {
  let error: GraphErrorInit | undefined;
  if (request.kind) {
    const preset = presets[request.kind];
    if (!preset) return undefined;
    error = initOf(preset());
  } else if (request.error) {
    const e = request.error;
    error = { ...e, message: e.message ?? `(#${e.code}) Injected failure` };
  }
  if (!error) return undefined;
  return { error, method: request.method, path: request.path, times: request.times };
}
