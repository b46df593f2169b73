import { isIP } from 'node:net';
import { AppError } from '@jixiao/core';

/**
 * Which proxies' X-Forwarded-For the server believes (Fastify's `trustProxy`): none (false), every one (true),
 * the nearest N hops, or the listed addresses and CIDR ranges. Rate limits and sign-in throttling key on the
 * client address this gives; behind a proxy that is not trusted every client shares the proxy's address.
 */
export type TrustProxy = boolean | number | string[];

/** Fastify trusts the nearest N hops at run time, but its types take a hop count only as a function. */
export const fastifyTrustProxy = (
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) =>
  typeof trust === 'number' ? (_address, hop) => hop < trust : trust;

const isAddressOrRange = (text: string): boolean => {
  const [address = '', bits, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const size = Number(bits);
  return /^\d+$/.test(bits) && size <= (version === 4 ? 32 : 128);
};

/** `--trust-proxy` / JIXIAO_TRUST_PROXY: `true`, `false`, a hop count, or comma-separated addresses and ranges. */
export const parseTrustProxy = (text: string): TrustProxy => {
  const value = text.trim();
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const addresses = value.split(',').map((part) => part.trim());
  const wrong = addresses.filter((part) => !isAddressOrRange(part));
  if (wrong.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `信任的代理“${wrong.join('、')}”无效：应为 true、false、跳数，或以逗号分隔的 IP 地址与网段（如 10.0.0.1,192.168.0.0/16）`,
    );
  }
  return addresses;
};

/** A yes/no environment setting such as JIXIAO_SECURE_COOKIES: true/1/yes or false/0/no (absent: false). */
export const parseSwitch = (name: string, text: string | undefined): boolean => {
  const value = (text ?? '').trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no', ''].includes(value)) return false;
  throw new AppError('VALIDATION_FAILED', `${name}“${text}”无效：应为 true 或 false`);
};
