/**
 * Writes that cannot lose data: the new content goes to a temporary file in the same folder, is
 * flushed to disk (fsync), and replaces the original by `rename` — atomic on POSIX file systems, so a
 * crash or `kill -9` at any moment leaves either the old file or the new one, never a truncated one.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * Replaces `path` with `content` atomically (same folder temp file + fsync + rename; the folder is
 * fsynced too where the platform allows). The original's permission bits are kept.
 * @example writeFileAtomic('portal/1.001193.json', text)
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  let mode = 0o644;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    // A new file: default permissions.
  }
  counter++;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  try {
    // The rename itself must reach the disk: fsync the folder (not possible on every platform).
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}
