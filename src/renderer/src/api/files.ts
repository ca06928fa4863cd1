/** A chosen file's bytes as base64, as the contract carries uploads. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Файл не прочитан'));
    reader.readAsDataURL(file);
  });
}
