import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";

export function blobService(connection: string): BlobServiceClient {
  return BlobServiceClient.fromConnectionString(connection);
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
