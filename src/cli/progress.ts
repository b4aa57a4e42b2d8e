/**
 * The progress line of a long run: on stderr, only when stderr is a terminal (never in a pipe,
 * a file or CI logs) and not under --no-progress. One line, redrawn in place: files done of
 * the total, the file being waited for, time spent and an estimate of time left. It is wiped
 * before anything is written to the terminal and at the end, so it never mixes with a report.
 */
import { width } from '../format/index.js';

type TtyStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

const CLEAR = '\r\x1b[K';

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

/** the end of a path that fits in n cells */
function tail(s: string, n: number): string {
  if (width(s) <= n) return s;
  const chars = [...s];
  let out = '';
  for (let i = chars.length - 1; i >= 0 && width(chars[i] + out) <= n - 1; i--) out = chars[i] + out;
  return `…${out}`;
}

export class Progress {
  private done = 0;
  private shown = false;
  private readonly start: number;

  private constructor(
    private readonly stream: TtyStream,
    private readonly files: string[],
    private readonly now: () => number,
  ) {
    this.start = now();
  }

  /** null when it is not to be shown: off, stderr not a terminal, or a single file */
  static open(stream: NodeJS.WritableStream, enabled: boolean, files: string[], now: () => number = Date.now): Progress | null {
    if (!enabled || !(stream as TtyStream).isTTY || files.length < 2) return null;
    const p = new Progress(stream as TtyStream, files, now);
    p.draw();
    return p;
  }

  /** a file's result is handed on (in input order) */
  tick(): void {
    this.done++;
    if (this.done < this.files.length) this.draw();
    else this.clear();
  }

  /** before anything else is written to the terminal */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR);
    this.shown = false;
  }

  /** after it, the line comes back */
  redraw(): void {
    if (this.done < this.files.length) this.draw();
  }

  private draw(): void {
    const total = this.files.length;
    const spent = this.now() - this.start;
    const left = this.done > 0 ? `，预计还需 ${seconds((spent / this.done) * (total - this.done))}` : '';
    const head = `已检查 ${this.done}/${total}（${Math.floor((this.done / total) * 100)}%），已用 ${seconds(spent)}${left}，正在检查 `;
    const room = (this.stream.columns ?? 80) - 1 - width(head);
    const line = room > 8 ? head + tail(this.files[this.done], room) : head.slice(0, -'，正在检查 '.length);
    this.stream.write(CLEAR + line);
    this.shown = true;
  }
}
