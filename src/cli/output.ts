/** Where the report goes: standard output, or the file -o names (its folders created). */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../ingest/index.js';

export type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

export interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

const FS_REASONS: Record<string, string> = {
  EISDIR: '这是一个目录',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  ENOTDIR: '路径中有一段不是目录',
  // mkdir -p meets a file where a folder should be
  EEXIST: '路径中有一段不是目录',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间不足',
};

function cannotWrite(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return new InputError(`无法写入输出文件 ${file}：${FS_REASONS[code] ?? (code || String(err))}`);
}

function toStream(stream: NodeJS.WritableStream): Output {
  return {
    write: (text) => new Promise((resolve) => (stream.write(text) ? resolve() : stream.once('drain', resolve))),
    close: async () => {},
  };
}

/** opened before any file is linted, so that a path that cannot be written fails at once */
export async function openOutput(file: string | undefined, io: Io): Promise<Output> {
  if (file === undefined) return toStream(io.out);
  let handle: FileHandle;
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    handle = await open(file, 'w');
  } catch (err) {
    throw cannotWrite(file, err);
  }
  return {
    write: async (text) => {
      try {
        await handle.write(text);
      } catch (err) {
        throw cannotWrite(file, err);
      }
    },
    close: () => handle.close(),
  };
}
