/** A control-API failure: answered as `{"error": message}` with `status`. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
