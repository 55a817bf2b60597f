import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions } from "@azure/storage-blob";
import type { StorageConnection } from "./connection";

export function blobService(connection: StorageConnection): BlobServiceClient {
  if (connection.kind === "connectionString") return BlobServiceClient.fromConnectionString(connection.connectionString);
  // The blob SDK passes pipeline options through to the shared Azure pipeline, which honours tlsOptions, but its
  // option type does not list them; the OAuth test against Azurite over https fails if that ever stops.
  const options = connection.trustedCertificate ? ({ tlsOptions: { ca: connection.trustedCertificate } } as StoragePipelineOptions) : {};
  return new BlobServiceClient(connection.blobUrl, connection.credential, options);
}

export async function ensureContainer(service: BlobServiceClient, name: string): Promise<ContainerClient> {
  const container = service.getContainerClient(name);
  await container.createIfNotExists();
  return container;
}

/** True when a conditional write lost: someone else changed (or created) the blob since it was read. */
export function isPreconditionFailed(error: unknown): boolean {
  const status = (error as { statusCode?: number })?.statusCode;
  return status === 412 || status === 409;
}

export function isBlobNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

export async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
