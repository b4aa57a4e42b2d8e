/**
 * What a file that is neither PDF nor text is, by its first bytes: a disclosure is also kept as
 * the Word or Excel file it was made from, or as an OFD (China's fixed-layout format), and a user
 * who gives one of those should be told so, and what to give instead.
 */

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** the names of a ZIP's first entries, as stored (enough to tell Office, OpenDocument and OFD apart) */
function zipNames(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
}

/** what a file of a kind is, and what to give the tool instead */
interface FileKind {
  name: string;
  instead: string;
}

const EXPORT = '请把它导出为 PDF（或另存为文本）再检查';
const kind = (name: string, instead = EXPORT): FileKind => ({ name, instead });

/** the kind of an office, archive or image file, by its first bytes, or null */
export function officeKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(bytes);
    if (names.includes('word/')) return kind('Word 文档（.docx）');
    if (names.includes('xl/')) return kind('Excel 工作簿（.xlsx）');
    if (names.includes('ppt/')) return kind('PowerPoint 演示文稿（.pptx）');
    if (names.includes('OFD.xml')) return kind('OFD 版式文件');
    if (names.includes('opendocument')) return kind('OpenDocument 文件（.odt、.ods）');
    return kind('ZIP 压缩包', '请解压后检查其中的 PDF');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return kind('Word、Excel 或 WPS 的文件（.doc、.xls、.wps、.et）');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return kind('图片', '请检查公开的 PDF 文件');
  return null;
}

/** what to say of such a file: what it is, and what the tool reads instead */
export function officeKindMessage(file: string, { name, instead }: FileKind): string {
  return `${file} 是${/^[A-Za-z]/.test(name) ? ' ' : ''}${name}，本工具检查 PDF 与提取出的文本：${instead}`;
}
