/**
 * Errors as they go into the log. Errors from the connector client carry the HTTP request they
 * failed on, headers and bearer token included; only these fields are logged, never the request.
 */
export interface LoggedError {
  name: string;
  message: string;
  stack?: string;
  statusCode?: number;
  code?: string;
}

export function loggedError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error) };
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}
