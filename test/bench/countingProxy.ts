/**
 * A TCP proxy that counts the bytes crossing it in both directions: put in front of a server, it
 * measures what a sync costs on the wire (HTTP headers and bodies) the same way for any protocol.
 */
import net from 'node:net';

export interface WireBytes {
  /** client → server */
  sent: number;
  /** server → client */
  received: number;
}

export interface CountingProxy {
  /** `http://127.0.0.1:<port>`: where clients connect instead of the server */
  url: string;
  /** bytes since the start or the last `reset` */
  bytes(): WireBytes;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  let counted: WireBytes = { sent: 0, received: 0 };
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    track(client);
    track(upstream);
    client.on('data', (chunk: Buffer) => void (counted.sent += chunk.length));
    upstream.on('data', (chunk: Buffer) => void (counted.received += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
    // One side failing or closing ends the pair (pipe alone does not pass errors on).
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => ({ ...counted }),
    reset: () => void (counted = { sent: 0, received: 0 }),
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive connections would hold close() open forever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nobody listens on right now (for a child process that needs one on its command line). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
