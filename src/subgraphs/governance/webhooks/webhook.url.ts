import { isIP } from "node:net";
import { appError, ErrorCode } from "../../../platform/errors";

/** Longer than any receiver URL a partner system needs, short enough to log. */
export const MAX_ENDPOINT_URL_LENGTH = 2_048;

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** 127.0.0.0/8 and ::1: this machine, for tests and local development. */
function isLoopback(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Addresses a partner's receiver never has: loopback, RFC 1918 private
 * ranges, link-local (169.254/16 holds cloud metadata services), unique-local
 * IPv6, IPv4-mapped IPv6. An endpoint naming one would have the hub POST
 * into its own network. The WHATWG parser has already turned other spellings
 * of an IPv4 address (2130706433, 0x7f.1) into dotted form. Only literal
 * addresses are refused here: a DNS name is not resolved.
 */
function isInternalAddress(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isLoopback(hostname) || host === "::1" || host === "::" || host === "0.0.0.0") return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split(".").map(Number) as [number, number];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
  }
  // IPv4 written as IPv6 (::ffff:7f00:1) reaches the IPv4 address: refused rather than decoded.
  if (isIP(host) === 6) return /^(fc|fd|fe80|::ffff:)/i.test(host);
  return false;
}

/**
 * The endpoint URL as it will be POSTed to, or INVALID_INPUT saying why not:
 * https (the payload and its signature travel over TLS), no credentials in
 * the URL (the signature authenticates the hub; a password in a URL ends up
 * in logs), and no internal address. Plain http only to loopback, and only
 * where the deployment allows it (WEBHOOKS_ALLOW_HTTP_LOOPBACK: tests).
 */
export function endpointUrl(raw: string, allowHttpLoopback: boolean): string {
  const invalid = (message: string) => appError(ErrorCode.INVALID_INPUT, message, { argument: "url" });
  if (raw.length > MAX_ENDPOINT_URL_LENGTH) throw invalid(`The URL must be at most ${MAX_ENDPOINT_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("Not an absolute URL");
  }
  if (url.username || url.password) throw invalid("The URL must not carry a user name or password");
  if (url.protocol === "http:") {
    if (allowHttpLoopback && isLoopback(url.hostname)) return url.toString();
    throw invalid("The URL must be https");
  }
  if (url.protocol !== "https:") throw invalid("The URL must be https");
  if (isInternalAddress(url.hostname)) throw invalid("The URL must not name a loopback, private or link-local address");
  return url.toString();
}
