import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";
import { ensureContainer, isBlobNotFound, isPreconditionFailed } from "./blobClient";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Workbooks as the agencies sent them. A path is written once: the blob is created only if absent, so a second,
 * different file for the same version can never replace the first.
 */
export class WorkbookStore {
  private container?: ContainerClient;

  constructor(
    private readonly service: BlobServiceClient,
    private readonly containerName: string,
  ) {}

  async init(): Promise<void> {
    this.container = await ensureContainer(this.service, this.containerName);
  }

  private blobs(): ContainerClient {
    return (this.container ??= this.service.getContainerClient(this.containerName));
  }

  /** "created", or "exists" with the stored file's hash so the caller can tell a retry from a second file. */
  async putOnce(
    path: string,
    bytes: Uint8Array,
    sha256: string,
    file: { contentType: string; name?: string } = { contentType: XLSX_CONTENT_TYPE },
  ): Promise<{ outcome: "created" } | { outcome: "exists"; sha256?: string }> {
    const blob = this.blobs().getBlockBlobClient(path);
    try {
      await blob.uploadData(bytes, {
        blobHTTPHeaders: { blobContentType: file.contentType },
        // Metadata is ASCII only: a Vietnamese file name is kept percent-encoded.
        metadata: { sha256, ...(file.name ? { name: encodeURIComponent(file.name) } : {}) },
        conditions: { ifNoneMatch: "*" },
      });
      return { outcome: "created" };
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      const properties = await blob.getProperties();
      return { outcome: "exists", sha256: properties.metadata?.sha256 };
    }
  }

  async read(path: string): Promise<Buffer | undefined> {
    try {
      return await this.blobs().getBlockBlobClient(path).downloadToBuffer();
    } catch (error) {
      if (isBlobNotFound(error)) return undefined;
      throw error;
    }
  }

  /** A file with what was recorded when it was written: its hash, name and content type. */
  async readFile(path: string): Promise<{ bytes: Buffer; sha256?: string; name?: string; contentType?: string } | undefined> {
    const bytes = await this.read(path);
    if (!bytes) return undefined;
    const properties = await this.blobs().getBlockBlobClient(path).getProperties();
    const name = properties.metadata?.name;
    return {
      bytes,
      ...(properties.metadata?.sha256 ? { sha256: properties.metadata.sha256 } : {}),
      ...(name ? { name: safeDecode(name) } : {}),
      ...(properties.contentType ? { contentType: properties.contentType } : {}),
    };
  }

  /** Every workbook path under a prefix: what tests and the audit read back. */
  async list(prefix: string): Promise<string[]> {
    const names: string[] = [];
    for await (const blob of this.blobs().listBlobsFlat({ prefix })) names.push(blob.name);
    return names;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
