/** Hands a file to the browser's downloads under a name: a blob (revoked once taken) or a data URL. */
export function saveDownload(file: Blob | string, name: string): void {
  const url = typeof file === 'string' ? file : URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  if (typeof file !== 'string') window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
