import { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";

/**
 * The HTTPS certificate of the add-in's dev server, made with office-addin-dev-certs in the folder that tool uses
 * (~/.office-addin-dev-certs), so that a developer who trusted its CA once (`npx office-addin-dev-certs install`,
 * which needs administrator rights) keeps a trusted dev server. Reused while valid; regenerated a day before expiry.
 */

export interface DevCertificates {
  key: string;
  cert: string;
  ca: string;
  caPath: string;
  /** True when this call made new ones (the CA must then be trusted again). */
  generated: boolean;
}

export const DEFAULT_CERTIFICATE_DIR = join(homedir(), ".office-addin-dev-certs");
const DOMAINS = ["127.0.0.1", "localhost"];
const VALID_DAYS = 30;
const RENEW_BEFORE_MS = 24 * 3_600_000;

export async function ensureDevCertificates(directory: string = DEFAULT_CERTIFICATE_DIR, now: Date = new Date()): Promise<DevCertificates> {
  const paths = { ca: join(directory, "ca.crt"), cert: join(directory, "localhost.crt"), key: join(directory, "localhost.key") };
  const existing = await readAll(paths);
  if (existing && stillValid(existing, now)) return { ...existing, caPath: paths.ca, generated: false };
  await generateCertificates(paths.ca, paths.cert, paths.key, VALID_DAYS, DOMAINS);
  const fresh = await readAll(paths);
  if (!fresh) throw new Error(`Không tạo được chứng chỉ HTTPS trong ${directory}.`);
  return { ...fresh, caPath: paths.ca, generated: true };
}

async function readAll(paths: { ca: string; cert: string; key: string }) {
  try {
    const [ca, cert, key] = await Promise.all([readFile(paths.ca, "utf8"), readFile(paths.cert, "utf8"), readFile(paths.key, "utf8")]);
    return { ca, cert, key };
  } catch {
    return undefined;
  }
}

function stillValid(files: { ca: string; cert: string }, now: Date): boolean {
  try {
    const cert = new X509Certificate(files.cert);
    const ca = new X509Certificate(files.ca);
    const coversDomains = DOMAINS.every((domain) => cert.checkHost(domain) !== undefined || cert.checkIP(domain) !== undefined);
    return cert.checkIssued(ca) && coversDomains && Date.parse(cert.validTo) - now.getTime() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}
