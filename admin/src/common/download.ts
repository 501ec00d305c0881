import { ApiError, type ApiErrorShape, fromGraphQLError, NETWORK_MESSAGE } from '../api';

/**
 * Downloads a file the API serves with the session cookie, or throws the API's French error (the
 * download routes answer errors as JSON): a refused or stale download shows as a message, never
 * as a saved file that holds an error.
 */
export async function downloadFile(url: string, fallbackName: string, onProgress?: (bytes: number) => void): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(NETWORK_MESSAGE, 'NETWORK');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: ApiErrorShape[] } | null;
    if (body?.errors?.[0]) throw fromGraphQLError(body.errors[0]);
    throw new ApiError(`Le serveur a répondu par une erreur (HTTP ${response.status}). Réessayez dans un instant.`, 'INTERNAL_SERVER_ERROR');
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(onProgress && response.body ? await withProgress(response.body, onProgress, response.headers.get('content-type') ?? '') : await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** The body read chunk by chunk, saying how many bytes have arrived (a streamed export has no length beforehand). */
async function withProgress(body: ReadableStream<Uint8Array>, onProgress: (bytes: number) => void, type: string): Promise<Blob> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  return new Blob(chunks as BlobPart[], { type });
}
