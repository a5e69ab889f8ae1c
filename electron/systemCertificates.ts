/**
 * The installed app's sync client (Node's `fetch`) trusts the OS certificate store as well as Node's
 * bundled CAs, as a browser does: a team server whose certificate a company CA signed (installed in
 * the OS by IT) then works. NODE_EXTRA_CA_CERTS, the way `rounds` and development runs trust such a
 * CA, is off in the packaged app (the NODE_OPTIONS fuse turns it off too).
 *
 * Node's `tls.getCACertificates` / `setDefaultCACertificates` (Node 22.19 and 24.5 on) do it; this
 * project's types are Node 20's, hence the narrow interface. Without them nothing changes.
 */
import tls from 'node:tls';

export interface CertificateStore {
  getCACertificates?: (type: 'default' | 'system') => string[];
  setDefaultCACertificates?: (certificates: string[]) => void;
}

/** Adds the OS's trusted CAs to the defaults of every TLS connection; false when this Node cannot. */
export function trustSystemCertificates(store: CertificateStore = tls as unknown as CertificateStore): boolean {
  if (typeof store.getCACertificates !== 'function' || typeof store.setDefaultCACertificates !== 'function') return false;
  const system = store.getCACertificates('system');
  if (system.length === 0) return false;
  store.setDefaultCACertificates([...new Set([...store.getCACertificates('default'), ...system])]);
  return true;
}
