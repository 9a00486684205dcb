/**
 * Requests as a stranger sends them: any header (Content-Encoding included, which fetch would
 * rewrite), any body, through node:http without keep-alive. A reset or a timeout is an outcome, not
 * an exception, so that a property test can count them.
 */
import { request } from 'node:http';

export interface RawResponse {
  /** 0 when no response came: the connection was reset or refused, or the timeout passed. */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Why no response came. */
  error?: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

export function rawRequest(base: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(options.path, base);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (response: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    let outgoing: ReturnType<typeof request>;
    try {
      outgoing = request(url, {
        method: options.method ?? 'POST',
        headers: { connection: 'close', ...options.headers },
        agent: false,
      });
    } catch (error) {
      // Node refuses some header values before sending (a control character): not sent at all.
      settle({ status: -1, headers: {}, body: '', error: (error as Error).message });
      return;
    }
    const timer = setTimeout(() => {
      outgoing.destroy();
      settle({ status: 0, headers: {}, body: '', error: 'timeout' });
    }, options.timeoutMs ?? 20_000);
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      settle({ status: 0, headers: {}, body: '', error: error.code ?? error.message }),
    );
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', () => undefined);
      incoming.on('end', () =>
        settle({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.end(options.body);
  });
}
