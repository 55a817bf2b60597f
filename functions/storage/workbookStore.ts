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
  async putOnce(path: string, bytes: Uint8Array, sha256: string): Promise<{ outcome: "created" } | { outcome: "exists"; sha256?: string }> {
    const blob = this.blobs().getBlockBlobClient(path);
    try {
      await blob.uploadData(bytes, {
        blobHTTPHeaders: { blobContentType: XLSX_CONTENT_TYPE },
        metadata: { sha256 },
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

  /** Every workbook path under a prefix: what tests and the audit read back. */
  async list(prefix: string): Promise<string[]> {
    const names: string[] = [];
    for await (const blob of this.blobs().listBlobsFlat({ prefix })) names.push(blob.name);
    return names;
  }
}
