/**
 * A TCP proxy that counts the bytes crossing it in both directions: put in front of a server, it
 * measures what a sync costs on the wire (HTTP headers and bodies) the same way for any protocol.
 */
import net from 'node:net';
import { Worker } from 'node:worker_threads';

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

/**
 * The proxy runs on a thread of its own, as the network does: a client busy writing a page on the bench's
 * thread must not hold up the next request it has already sent (an in-process proxy would forward it
 * only once the page is written). Plain JavaScript, evaluated in the worker; counts go through shared memory.
 */
const PROXY_THREAD = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const counted = new Float64Array(workerData.counts);
const sockets = new Set();
const track = (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); };
const server = net.createServer((client) => {
  const upstream = net.connect(workerData.port, workerData.host);
  track(client);
  track(upstream);
  client.on('data', (chunk) => { counted[0] += chunk.length; });
  upstream.on('data', (chunk) => { counted[1] += chunk.length; });
  client.pipe(upstream);
  upstream.pipe(client);
  // One side failing or closing ends the pair (pipe alone does not pass errors on).
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', () => {
  // Keep-alive connections would hold close() open forever.
  for (const socket of sockets) socket.destroy();
  server.close(() => parentPort.postMessage({ closed: true }));
});
`;

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  // [sent, received]: written by the proxy thread only, read here between legs.
  const counts = new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT);
  const counted = new Float64Array(counts);
  const worker = new Worker(PROXY_THREAD, { eval: true, workerData: { counts, host: target.host, port: target.port } });
  const next = () =>
    new Promise<{ port?: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const { port } = await next();
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => ({ sent: counted[0]!, received: counted[1]! }),
    reset: () => counted.fill(0),
    close: async () => {
      const closed = next();
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
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
