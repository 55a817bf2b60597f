import type { HttpRequest as AzureHttpRequest, HttpRequestUser } from "@azure/functions";
import { HttpRequest } from "../http/azureRuntime";

export interface LocalRequestInit {
  method: string;
  url: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  params: Record<string, string>;
  body: Uint8Array;
}

/**
 * The HttpRequest a handler receives from the local host: what Azure's own class answers, without building an undici
 * Request for every call. The members handlers use (method, url, headers, query, params and the body read once as
 * bytes, text or JSON) are answered from the init; the rest (the body as a stream, a Blob or form data, the signed-in
 * user, a clone) from Azure's HttpRequest, built the first time one of them is asked for.
 */
export class LocalHttpRequest implements AzureHttpRequest {
  readonly method: string;
  readonly url: string;
  readonly query: URLSearchParams;
  readonly params: Record<string, string>;
  #init: LocalRequestInit;
  #headers: Headers | undefined;
  #bytes: Uint8Array;
  #used = false;
  #azure: AzureHttpRequest | undefined;

  constructor(init: LocalRequestInit) {
    this.#init = init;
    this.method = init.method;
    this.url = init.url;
    this.query = new URLSearchParams(init.query);
    this.params = init.params;
    // As Azure's class: GET and HEAD carry no body.
    this.#bytes = init.method === "GET" || init.method === "HEAD" ? new Uint8Array(0) : init.body;
  }

  get headers(): Headers {
    return (this.#headers ??= new Headers(this.#init.headers));
  }

  get user(): HttpRequestUser | null {
    return this.azure().user;
  }

  get body(): AzureHttpRequest["body"] {
    return this.azure().body;
  }

  get bodyUsed(): boolean {
    return this.#used || (this.#azure?.bodyUsed ?? false);
  }

  arrayBuffer = async (): Promise<ArrayBuffer> => {
    if (this.#azure && !this.#used) return this.#azure.arrayBuffer();
    const bytes = this.consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };

  text = async (): Promise<string> => {
    if (this.#azure && !this.#used) return this.#azure.text();
    // The fetch standard's UTF-8 decode: a byte order mark is dropped, malformed bytes become U+FFFD.
    return new TextDecoder("utf-8").decode(this.consume());
  };

  json = async (): Promise<unknown> => {
    if (this.#azure && !this.#used) return this.#azure.json();
    return JSON.parse(await this.text());
  };

  blob = (): ReturnType<AzureHttpRequest["blob"]> => this.azureForBody().blob();

  formData = (): ReturnType<AzureHttpRequest["formData"]> => this.azureForBody().formData();

  clone = (): AzureHttpRequest => this.azureForBody().clone();

  private consume(): Uint8Array {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#bytes;
  }

  private azureForBody(): AzureHttpRequest {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    return this.azure();
  }

  private azure(): AzureHttpRequest {
    const { method, url, headers, query, params, body } = this.#init;
    return (this.#azure ??= new HttpRequest({ method, url, headers, query, params, ...(body.byteLength > 0 ? { body: { bytes: body } } : {}) }));
  }
}
