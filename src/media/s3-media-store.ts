import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { assertMediaId, type MediaObject, type MediaStore } from "./media-store.js";

/** Where the S3-compatible store writes (MEDIA_STORE=s3). */
export interface S3MediaOptions {
  bucket: string;
  /** e.g. https://s3.ap-southeast-1.amazonaws.com, or a MinIO / Viettel / FPT object storage address. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (`endpoint/bucket/key`), what MinIO and most non-AWS services expect. */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket (default "evidence/"). */
  prefix?: string;
}

/**
 * Kept files in an S3-compatible bucket (AWS S3, MinIO, a Vietnamese cloud's object storage), for deployments
 * that keep many or large files. Loaded only when MEDIA_STORE=s3 (a dynamic import in create-media-store.ts).
 */
export class S3MediaStore implements MediaStore {
  readonly #client: S3Client;
  readonly #prefix: string;

  constructor(private readonly options: S3MediaOptions) {
    this.#client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // The SDK's default is to add checksums (CRC32) every S3 lookalike does not accept; ask for them only when required.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
    });
    this.#prefix = options.prefix ?? "evidence/";
  }

  #key(id: string): string {
    assertMediaId(id);
    return this.#prefix + id;
  }

  async put(id: string, object: MediaObject): Promise<void> {
    await this.#client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.#key(id), Body: object.bytes, ContentType: object.mime }));
  }

  async get(id: string): Promise<MediaObject | undefined> {
    try {
      const answer = await this.#client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.#key(id) }));
      if (!answer.Body) return undefined;
      const bytes = Buffer.from(await answer.Body.transformToByteArray());
      return { bytes, mime: answer.ContentType ?? "application/octet-stream" };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.#key(id) }));
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }
}
