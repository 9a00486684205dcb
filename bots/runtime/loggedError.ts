/**
 * Errors as they go into the log: the logger's serializer for `err`. Errors from HTTP clients can
 * carry the request they failed on, headers and bearer token included (the connector client's, or
 * an axios error inside a Slack Web API error); pino's own serializer would copy every property,
 * however deep. Only these fields are logged.
 */
export interface LoggedError {
  name: string;
  message: string;
  stack?: string;
  statusCode?: number;
  code?: string;
}

export function loggedError(error: unknown): LoggedError {
  // Read by shape, not `instanceof Error`: errors made by Node itself come from another realm in tests.
  if (typeof error !== 'object' || error === null) return { name: 'NonError', message: String(error) };
  const { name, message, stack, statusCode, code } = error as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof stack === 'string' ? { stack } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}
