/** The ingest stage's public surface: a user's file → lines of text with locations. */
import { InputError, readTextFile, type SourceText } from './text.js';

export { InputError, decodeText, splitLines, type SourceLine, type SourceText } from './text.js';

export async function readDocument(file: string): Promise<SourceText> {
  if (/\.pdf$/i.test(file)) {
    throw new InputError(`${file}: 尚不支持 PDF 输入，请先提供其提取的文本（.txt）`);
  }
  return readTextFile(file);
}
