/**
 * A font's ToUnicode CMap read here, for the characters PDFium says it cannot map. PDFium's CMap
 * parser leaves some well-formed maps unread: PDFKit's (pdfmake's) `bfrange` lines with an array
 * of destinations, where pdf.js and poppler read every character. Only the three operators a
 * ToUnicode map uses are read: bfchar, and bfrange in its two forms.
 */

/** a ToUnicode CMap's text → character code → the text it stands for */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const tokens = cmap.match(/<[0-9A-Fa-f\s]*>|\[|\]|[A-Za-z]+/g) ?? [];
  let i = 0;
  const next = () => tokens[i++];
  while (i < tokens.length) {
    const word = next();
    if (word === 'beginbfchar') {
      while (i + 1 < tokens.length && tokens[i] !== 'endbfchar') {
        const code = hexCode(next());
        const text = hexText(next());
        if (code !== null && text !== null) map.set(code, text);
      }
    } else if (word === 'beginbfrange') {
      while (i + 2 < tokens.length && tokens[i] !== 'endbfrange') {
        const low = hexCode(next());
        const high = hexCode(next());
        const dest = next();
        if (dest === '[') {
          for (let code = low ?? 0; tokens[i] !== ']' && i < tokens.length; code++) {
            const text = hexText(next());
            if (low !== null && high !== null && code <= high && text !== null) map.set(code, text);
          }
          next();
        } else {
          const first = hexText(dest);
          // the destination's last UTF-16 unit counts up over the range
          if (low === null || high === null || first === null || high - low > 0xffff) continue;
          const stem = first.slice(0, -1);
          const last = first.charCodeAt(first.length - 1);
          for (let code = low; code <= high; code++) map.set(code, stem + String.fromCharCode(last + code - low));
        }
      }
    }
  }
  return map;
}

const hexDigits = (token: string | undefined) => (token?.startsWith('<') ? token.slice(1, -1).replace(/\s+/g, '') : null);

function hexCode(token: string | undefined): number | null {
  const hex = hexDigits(token);
  return hex ? parseInt(hex, 16) : null;
}

/** a destination: UTF-16BE units in hex */
function hexText(token: string | undefined): string | null {
  const hex = hexDigits(token);
  if (!hex || hex.length % 4 !== 0) return null;
  let text = '';
  for (let k = 0; k < hex.length; k += 4) text += String.fromCharCode(parseInt(hex.slice(k, k + 4), 16));
  return text;
}

/** a PDF name as written (#xx escapes) → its text */
export function pdfName(written: string): string {
  return Buffer.from(written.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}
