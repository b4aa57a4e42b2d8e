/**
 * --max-pages and --timeout. The model and rules are synchronous, so a file's time is checked
 * between pages (the readers) and between stages (lint): a stage already running finishes first.
 */
import { InputError } from './text.js';

export const DEFAULT_MAX_PAGES = 500;
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** a file that took too long: stopped at the next check */
export class TimeoutError extends InputError {}

export class Deadline {
  private readonly end: number;

  /** seconds 0 = no limit */
  constructor(
    private readonly file: string,
    private readonly seconds: number,
    start = Date.now(),
  ) {
    this.end = seconds > 0 ? start + seconds * 1000 : Infinity;
  }

  check(): void {
    if (Date.now() > this.end) throw this.error();
  }

  /**
   * the work, or this deadline's error when it comes first: an engine's async page read that
   * never settles (a pathological page in pdf.js) cannot hold the file past its time
   */
  async within<T>(work: Promise<T>): Promise<T> {
    // work left behind may still fail (its document closed under it): that is no longer news
    work.catch(() => {});
    this.check();
    if (this.end === Infinity) return work;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error()), Math.max(0, this.end - Date.now()));
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private error(): TimeoutError {
    return new TimeoutError(`${this.file} 的检查超过 --timeout ${this.seconds} 秒，已停止，未检查`);
  }
}

export function tooManyPages(file: string, pages: number, maxPages: number): InputError {
  return new InputError(`${file} 有 ${pages} 页，超过 --max-pages ${maxPages}，未检查`);
}
