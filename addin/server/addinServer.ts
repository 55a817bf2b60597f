import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";

/**
 * The add-in's HTTPS dev server: the built files (task pane, functions, manifest, icons) and /api passed on to the
 * local functions host, so the pane talks to one https origin (no mixed content, no CORS) as it will in production
 * behind one front door. Bound to loopback only.
 */

export interface AddinServerOptions {
  /** The folder the add-in build wrote (dist/addin). */
  root: string;
  port: number;
  tls: { key: string; cert: string };
  /** The functions host, e.g. http://127.0.0.1:7071; /api/* goes there. */
  apiTarget: string;
}

export interface AddinServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export async function startAddinServer(options: AddinServerOptions): Promise<AddinServer> {
  const root = resolve(options.root);
  const target = new URL(options.apiTarget);
  const server = createServer({ key: options.tls.key, cert: options.tls.cert }, (request, response) => {
    const path = decodePath(request.url ?? "/");
    if (path === undefined) return plain(response, 400, "Địa chỉ không hợp lệ.");
    if (path === "/api" || path.startsWith("/api/")) return proxy(request, response, target);
    if (request.method !== "GET" && request.method !== "HEAD") return plain(response, 405, "Chỉ hỗ trợ GET.");
    void serveFile(root, path === "/" ? "/preview.html" : path, request, response);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port, "127.0.0.1", () => done());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, "https://localhost").pathname);
  } catch {
    return undefined;
  }
}

async function serveFile(root: string, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return plain(response, 404, "Không tìm thấy.");
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return plain(response, 404, `Không tìm thấy ${path}. Đã chạy "npm run build:addin" chưa?`);
  response.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    // Office caches add-in files hard; during development every reload must see the latest build.
    "cache-control": "no-store",
    ...SECURITY_HEADERS,
  });
  if (request.method === "HEAD") return void response.end();
  // A file replaced by a rebuild while it streams ends this response, never the server.
  createReadStream(file)
    .on("error", () => response.destroy())
    .pipe(response);
}

/**
 * Office on the web shows the pane in a frame of its own pages, so frame-ancestors names Office's hosts (and the
 * desktop hosts, which load it as a top-level page, need nothing). Scripts come from here and the Office CDN; the
 * pane may call any HTTPS server an officer connects it to, or a server on this machine during development.
 */
const OFFICE_HOSTS = "https://*.officeapps.live.com https://*.office.com https://*.microsoft365.com https://*.sharepoint.com https://*.cloud.microsoft";
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' https://appsforoffice.microsoft.com ${OFFICE_HOSTS}`,
  // Fluent UI (griffel) inserts its style rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  `frame-src 'self' ${OFFICE_HOSTS}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors 'self' ${OFFICE_HOSTS}`,
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
} as const;

/** Headers about one connection, not the message: each hop sets its own. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

function endToEnd(headers: IncomingMessage["headers"]): IncomingMessage["headers"] {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

function proxy(request: IncomingMessage, response: ServerResponse, target: URL): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...endToEnd(request.headers), host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(response);
    },
  );
  // A pane that gives up (closed, timed out) cancels the request it made.
  response.on("close", () => {
    if (!response.writableFinished) upstream.destroy();
  });
  upstream.on("error", () => {
    if (response.headersSent) return void response.destroy();
    const body = JSON.stringify({
      code: "upstream_unavailable",
      message: "Không kết nối được máy chủ KPI (máy chủ đang dừng hoặc mất mạng). Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại sau.",
    });
    response.writeHead(502, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
  request.pipe(upstream);
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS });
  response.end(text);
}
