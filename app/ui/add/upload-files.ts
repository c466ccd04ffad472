/** Progress of a save: bytes sent of all files. */
export interface UploadProgress {
  bytes: number;
  totalBytes: number;
}

/** The `{ error }` a write endpoint answers, or a plain description of the status. */
async function errorOf(response: Response): Promise<string> {
  const body = await response.json().catch(() => undefined);
  return (body as { error?: string } | undefined)?.error ?? `The server answered ${response.status}.`;
}

export async function postJson<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(await errorOf(response));
  return (await response.json()) as T;
}

/**
 * One file sent as it is on disk (the browser streams a File, it is never read into this page),
 * with upload progress: XMLHttpRequest reports it, fetch does not.
 */
function sendFile(url: string, file: Blob, onBytes: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onBytes(event.loaded);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve();
      let message = `The server answered ${request.status}.`;
      try {
        message = (JSON.parse(request.responseText) as { error?: string }).error ?? message;
      } catch {
        // not JSON: the status says it
      }
      reject(new Error(message));
    };
    request.onerror = () => reject(new Error('The connection to the server was lost while sending the file.'));
    request.send(file);
  });
}

/** Starts an upload, sends every file in turn, and returns the upload's id. */
export async function uploadFiles(files: readonly Blob[], onProgress: (progress: UploadProgress) => void): Promise<string> {
  const { upload } = await postJson<{ upload: string }>('/add/uploads', 'POST');
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  try {
    for (const [index, file] of files.entries()) {
      await sendFile(`/add/uploads/${upload}/${index}`, file, (sent) => onProgress({ bytes: done + sent, totalBytes }));
      done += file.size;
      onProgress({ bytes: done, totalBytes });
    }
  } catch (error) {
    await fetch(`/add/uploads/${upload}`, { method: 'DELETE', credentials: 'same-origin' }).catch(() => {});
    throw error;
  }
  return upload;
}
