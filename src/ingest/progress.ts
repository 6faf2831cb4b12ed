/**
 * Progress on stderr: one self-rewriting line on a terminal (documents/s, events, ETA), plain lines otherwise
 * (every `everyDocs` documents or `everySeconds` seconds, whichever comes first).
 */
export interface ProgressOptions {
  isTTY: boolean;
  /** plain mode: a line every this many documents (default: none) */
  everyDocs?: number;
  /** plain mode: a line at least this often (default 10 s) */
  everySeconds?: number;
  label?: string;
}

export class Progress {
  private readonly out: NodeJS.WritableStream;
  private readonly o: ProgressOptions;
  private totalBytes = 0;
  private bytes = 0;
  private docs = 0;
  private events = 0;
  private sentences = 0;
  private t0 = performance.now();
  private last = 0;
  private lastDocs = 0;

  constructor(out: NodeJS.WritableStream, o: ProgressOptions) {
    this.out = out;
    this.o = o;
  }

  start(totalBytes: number): void {
    this.totalBytes = totalBytes;
    this.t0 = performance.now();
  }

  tick(bytes: number, events: number, sentences: number): void {
    this.bytes += bytes;
    this.docs++;
    this.events += events;
    this.sentences += sentences;
    const now = performance.now();
    if (this.o.isTTY) {
      if (now - this.last >= 100) {
        this.last = now;
        this.out.write(`\r\x1b[K${this.line(now)}`);
      }
      return;
    }
    const byDocs = this.o.everyDocs !== undefined && this.docs - this.lastDocs >= this.o.everyDocs;
    const byTime = now - this.last >= (this.o.everySeconds ?? 10) * 1000;
    if (byDocs || byTime) {
      this.last = now;
      this.lastDocs = this.docs;
      this.out.write(`${this.line(now)}\n`);
    }
  }

  /** the status line: documents, rate, events, ETA from the share of input bytes done */
  line(now = performance.now()): string {
    const secs = Math.max(0.001, (now - this.t0) / 1000);
    const rate = this.docs / secs;
    const parts = [
      `${this.o.label ?? 'ingest'}: ${this.docs} documents`,
      `${Math.round(rate)} docs/s`,
      `${this.events} events`,
    ];
    if (this.totalBytes > 0 && this.bytes > 0) {
      const share = Math.min(1, this.bytes / this.totalBytes);
      const eta = share >= 1 ? 0 : (secs * (1 - share)) / share;
      parts.push(`${Math.round(share * 100)}%`, `ETA ${fmt(eta)}`);
    }
    return parts.join(' · ');
  }

  done(): void {
    if (this.o.isTTY) this.out.write(`\r\x1b[K${this.line()}\n`);
  }
}

function fmt(s: number): string {
  const t = Math.round(s);
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}
