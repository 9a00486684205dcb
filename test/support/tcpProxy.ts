/**
 * A loopback TCP proxy between a client and a server, for faults a real server does not make on
 * demand: a connection cut while a command is on its way, or a server that stops answering.
 */
import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** From now on, what clients send is swallowed: the server never sees it, and nobody is told. */
  hold(): void;
  /** Forward again. */
  release(): void;
  /** Cuts every open connection, both ways. */
  cutAll(): void;
  close(): Promise<void>;
}

export function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let holding = false;
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (!holding) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        hold: () => {
          holding = true;
        },
        release: () => {
          holding = false;
        },
        cutAll: () => {
          for (const [client, upstream] of pairs) {
            client.destroy();
            upstream.destroy();
          }
          pairs.clear();
        },
        close: () =>
          new Promise((done) => {
            for (const [client, upstream] of pairs) {
              client.destroy();
              upstream.destroy();
            }
            server.close(() => done());
          }),
      });
    });
  });
}
