import { describe, expect, it } from 'vitest';
import { securityHeadersFor } from './security-headers.ts';

describe('securityHeadersFor', () => {
  it("gives helmet's headers for the options, the policy written out once", () => {
    const headers = securityHeadersFor({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self';");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('refuses a malformed policy at start-up rather than on a request', () => {
    expect(() => securityHeadersFor({ contentSecurityPolicy: { directives: { 'bad name': ["'self'"] } } })).toThrow();
  });
});
