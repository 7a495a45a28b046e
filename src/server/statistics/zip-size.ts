import JSZip from 'jszip';

/** Entries an XLSX file may hold at most: a workbook has a few dozen (sheets, styles, media). */
export const MAX_ZIP_ENTRIES = 10_000;

export type ZipCheck = { ok: true } | { ok: false; reason: 'not_zip' | 'too_many_entries' | 'too_large' };

/**
 * Whether a ZIP archive (an XLSX workbook) unpacks to at most `maxBytes`, before anything loads
 * it whole: exceljs inflates every entry into memory, so 20 MB of a zip bomb would be gigabytes.
 * The central directory's sizes are the archive's own claim and may lie, so every entry is
 * inflated as a stream with jszip (the library exceljs reads with), counting, and the count
 * stops at the limit; nothing is kept.
 */
export async function checkZipSize(data: Buffer, maxBytes: number): Promise<ZipCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return { ok: false, reason: 'not_zip' };
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);
  if (files.length > MAX_ZIP_ENTRIES) return { ok: false, reason: 'too_many_entries' };
  let total = 0;
  for (const file of files) {
    try {
      total += await inflatedSize(file, maxBytes - total);
    } catch {
      return { ok: false, reason: 'not_zip' };
    }
    if (total > maxBytes) return { ok: false, reason: 'too_large' };
  }
  return { ok: true };
}

/** Bytes the entry inflates to, counted up to just past `budget` (then the stream is left paused). */
function inflatedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          stream.removeAllListeners('data');
          resolve(size);
        }
      })
      .on('error', reject)
      .on('end', () => resolve(size));
  });
}
