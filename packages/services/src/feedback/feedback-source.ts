import { createHmac } from 'node:crypto';
import { throttleSourceOf } from '../accounts/login-throttle.ts';

/**
 * What public_feedback.source_hash holds: a keyed hash (HMAC-SHA-256) of the sender's address, IPv6 taken as its
 * /64 as sign-in throttling does. Without the key the hash cannot be reversed by hashing all four billion IPv4
 * addresses, and the address itself is never stored.
 */
export const feedbackSourceHash = (key: Uint8Array, address: string): string =>
  createHmac('sha256', key).update(throttleSourceOf(address)).digest('base64url');
