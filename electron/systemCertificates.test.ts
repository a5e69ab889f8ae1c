import { describe, expect, it, vi } from 'vitest';
import { trustSystemCertificates, type CertificateStore } from './systemCertificates.js';

const BUNDLED = '-----BEGIN CERTIFICATE-----\nbundled\n-----END CERTIFICATE-----\n';
const COMPANY_CA = '-----BEGIN CERTIFICATE-----\ncompany\n-----END CERTIFICATE-----\n';

describe('trustSystemCertificates', () => {
  it('adds the OS store’s CAs (a company CA) to the bundled ones, each once', () => {
    const setDefaultCACertificates = vi.fn();
    const store: CertificateStore = {
      getCACertificates: (type) => (type === 'system' ? [COMPANY_CA, BUNDLED] : [BUNDLED]),
      setDefaultCACertificates,
    };
    expect(trustSystemCertificates(store)).toBe(true);
    expect(setDefaultCACertificates).toHaveBeenCalledWith([BUNDLED, COMPANY_CA]);
  });

  it('changes nothing on a Node without the API (before 22.19) or an empty OS store', () => {
    expect(trustSystemCertificates({})).toBe(false);
    const setDefaultCACertificates = vi.fn();
    expect(trustSystemCertificates({ getCACertificates: () => [], setDefaultCACertificates })).toBe(false);
    expect(setDefaultCACertificates).not.toHaveBeenCalled();
  });
});
