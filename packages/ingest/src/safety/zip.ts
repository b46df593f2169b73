import { AppError } from '@jixiao/core';
import { Unzip, UnzipInflate } from 'fflate';

/** Limits for reading an Office archive: well above any real report, far below what hurts the server. */
export type ZipLimits = { maxEntries: number; maxEntryBytes: number; maxTotalBytes: number; maxRatio: number };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
};

const megabytes = (bytes: number): number => Math.round(bytes / 1024 / 1024);

const unsafeName = (name: string): boolean =>
  name.includes('\\') || name.startsWith('/') || /^[a-z]:/iu.test(name) || name.split('/').includes('..');

/**
 * Compressed bytes handed to the inflater at a time. Given a whole archive, fflate inflates an entry into one
 * chunk before anyone can look at it (a 1 MB .docx became 1 GiB in memory before the first check). Deflate
 * expands at most ~1032:1, so a slice inflates to at most ~4.2 MB and the limits are checked after each: a bomb
 * is stopped within one slice of crossing a limit, and 4 KB slices read a real file as fast as larger ones. Small
 * slices also bound the recursion of fflate's `Unzip`, which nests one call per entry met within a push: given
 * whole, an archive of some 2,600 small entries overflowed the stack and was reported as broken rather than as
 * holding too many files.
 */
const SLICE_BYTES = 4 * 1024;

/**
 * Extracts the wanted entries of a zip with every bound enforced while inflating, not only on the sizes the
 * archive declares (a zip bomb lies about them): entry count, bytes per entry, total bytes and compression
 * ratio. Reading stops at the first refusal. Path-traversal names, encrypted or unknown compression, and
 * truncated archives are refused with a clear error. Returns the wanted entries' bytes.
 */
export const extractZipEntries = (
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> => {
  const hostile = (reason: string) => new AppError('HOSTILE_FILE', `${fileName}：${reason}，已拒绝处理`);
  const entries = new Map<string, Uint8Array>();
  const pending = new Set<string>();
  let count = 0;
  let total = 0;
  let sliceStart = 0;
  let sliceEnd = 0;
  let failure: AppError | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    count++;
    if (count > limits.maxEntries) {
      failure = hostile(`压缩包内文件超过 ${limits.maxEntries} 个`);
      return;
    }
    if (unsafeName(file.name)) {
      failure = hostile(`压缩包内有越界路径“${file.name.slice(0, 80)}”`);
      return;
    }
    if (!wanted(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new AppError('ENCRYPTED_FILE', `${fileName}：“${file.name}”已加密或使用了不支持的压缩方式`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const headerSlice = sliceStart;
    pending.add(file.name);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new AppError('HOSTILE_FILE', `${fileName}：“${file.name}”解压失败（文件可能已损坏）`);
        return;
      }
      size += data.length;
      total += data.length;
      // The ratio is of what has been inflated so far to the compressed bytes it can have come from: at most
      // what has been fed since the slice holding the header, and at most the declared size when there is one
      // (an entry written with a data descriptor, as macOS 压缩 and Java write them, declares none).
      const compressed = Math.max(Math.min(file.size ?? Number.POSITIVE_INFINITY, sliceEnd - headerSlice), 1);
      if (size > limits.maxEntryBytes) {
        failure = hostile(`“${file.name}”解压后超过 ${megabytes(limits.maxEntryBytes)} MB（疑似压缩炸弹）`);
        file.terminate();
        return;
      }
      if (total > limits.maxTotalBytes) {
        failure = hostile(`解压后内容超过 ${megabytes(limits.maxTotalBytes)} MB（疑似压缩炸弹）`);
        file.terminate();
        return;
      }
      if (size > 1024 * 1024 && size / compressed > limits.maxRatio) {
        failure = hostile(`“${file.name}”压缩比超过 ${limits.maxRatio}:1（疑似压缩炸弹）`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        const joined = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          joined.set(chunk, offset);
          offset += chunk.length;
        }
        entries.set(file.name, joined);
        pending.delete(file.name);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    do {
      sliceEnd = Math.min(sliceStart + SLICE_BYTES, bytes.length);
      unzip.push(bytes.subarray(sliceStart, sliceEnd), sliceEnd === bytes.length);
      sliceStart = sliceEnd;
    } while (sliceStart < bytes.length && !failure);
  } catch {
    failure ??= new AppError('HOSTILE_FILE', `${fileName}：压缩包结构损坏，无法读取`);
  }
  if (failure) throw failure;
  if (pending.size > 0) {
    throw new AppError('HOSTILE_FILE', `${fileName}：文件不完整（压缩包被截断），缺少“${[...pending][0]}”的结尾`);
  }
  return entries;
};
