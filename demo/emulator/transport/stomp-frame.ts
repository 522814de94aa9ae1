/**
 * STOMP 1.2 frames on bytes: a streaming parser and a serializer.
 *
 * - `content-length` is counted in bytes and bodies are kept as `Buffer`s, so UTF-8 is byte-exact.
 * - Header names and values are escaped (`\r`, `\n`, `\c`, `\\`), except in CONNECT and CONNECTED frames.
 * - EOL heart-beats (`\n` or `\r\n`) between frames are skipped.
 * - Several frames in one chunk and one frame split over several chunks are both handled.
 */

/** Header names and values of a frame; the first occurrence of a repeated header wins. */
export type StompHeaders = Record<string, string>;

/** A parsed frame. */
export interface StompFrame {
  command: string;
  headers: StompHeaders;
  body: Buffer;
}

/** A frame to serialize. A given `body` (even empty) gets a `content-length` header counted in bytes. */
export interface OutgoingFrame {
  command: string;
  headers?: StompHeaders;
  body?: Buffer | string;
}

/** A protocol violation; the session answers it with an ERROR frame and closes. */
export class StompProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StompProtocolError';
  }
}

/** Largest frame (command, headers and body) the parser accepts: 1 MiB. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** One EOL heart-beat, as sent by the server. */
export const HEART_BEAT = Buffer.from('\n');

const NUL = 0x00;
const LF = 0x0a;
const CR = 0x0d;
const NUL_BYTE = Buffer.from([NUL]);
const UNESCAPED_COMMANDS = new Set(['CONNECT', 'CONNECTED']);
const COMMAND = /^[A-Z]+$/;
const DECIMAL = /^\d+$/;

/** Escapes a header name or value for every frame but CONNECT and CONNECTED. */
export function encodeHeader(text: string): string {
  return text.replace(/[\\\r\n:]/g, char => ESCAPES[char] ?? char);
}

/** Reverses {@link encodeHeader}; an undefined escape sequence is a protocol error. */
export function decodeHeader(text: string): string {
  return text.replace(/\\([\s\S]?)/g, (_, char: string) => {
    const decoded = UNESCAPES[char];
    if (decoded === undefined) throw new StompProtocolError(`Malformed frame: undefined escape sequence \\${char}`);
    return decoded;
  });
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\r': '\\r', '\n': '\\n', ':': '\\c' };
const UNESCAPES: Record<string, string> = { '\\': '\\', r: '\r', n: '\n', c: ':' };

/**
 * Serializes a frame to bytes, NUL terminator included.
 * @param escape whether to escape headers; default: yes, except for CONNECT and CONNECTED. Pass `false` for
 *   frames of a session that has not negotiated STOMP 1.1 or later (e.g. an ERROR answering a CONNECT).
 */
export function serializeFrame(frame: OutgoingFrame, escape = !UNESCAPED_COMMANDS.has(frame.command)): Buffer {
  const body = typeof frame.body === 'string' ? Buffer.from(frame.body, 'utf8') : frame.body;
  const headers: StompHeaders = { ...frame.headers };
  if (body) headers['content-length'] = String(body.length);
  let head = `${frame.command}\n`;
  for (const [name, value] of Object.entries(headers)) {
    head += escape ? `${encodeHeader(name)}:${encodeHeader(value)}\n` : `${name}:${value}\n`;
  }
  head += '\n';
  return Buffer.concat([Buffer.from(head, 'utf8'), body ?? Buffer.alloc(0), NUL_BYTE]);
}

/**
 * Streaming frame parser for one connection. Feed it every received chunk with {@link StompFrameParser.push};
 * it keeps any partial frame until the rest arrives.
 */
export class StompFrameParser {
  /** Whether to decode escaped headers (never done for CONNECT). Turn off for a STOMP 1.0 session. */
  unescapeHeaders = true;

  private buffer: Buffer = Buffer.alloc(0);

  /**
   * Adds a chunk and yields every frame it completes, in order. Throws {@link StompProtocolError} when it reaches
   * a malformed frame (frames before it have been yielded by then).
   */
  *push(chunk: Buffer): Generator<StompFrame> {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      this.skipHeartBeats();
      if (!this.buffer.length) return;
      const frame = this.readFrame();
      if (!frame) return;
      yield frame;
    }
  }

  private skipHeartBeats(): void {
    let start = 0;
    while (start < this.buffer.length) {
      if (this.buffer[start] === LF) start += 1;
      else if (this.buffer[start] === CR && this.buffer[start + 1] === LF) start += 2;
      else break;
    }
    this.buffer = this.buffer.subarray(start);
  }

  /** Reads one complete frame from the buffer, or returns undefined while it is incomplete. */
  private readFrame(): StompFrame | undefined {
    const head = this.readHead();
    if (!head) return undefined;
    const { command, headers, bodyStart } = head;
    const length = headers['content-length'];
    let bodyEnd: number;
    if (length !== undefined) {
      if (!DECIMAL.test(length)) throw new StompProtocolError(`Malformed frame: invalid content-length "${length}"`);
      bodyEnd = bodyStart + Number(length);
      this.checkSize(bodyEnd + 1);
      if (this.buffer.length <= bodyEnd) return undefined;
      if (this.buffer[bodyEnd] !== NUL) {
        throw new StompProtocolError('Malformed frame: no NUL octet after content-length bytes');
      }
    } else {
      bodyEnd = this.buffer.indexOf(NUL, bodyStart);
      if (bodyEnd < 0) {
        this.checkSize(this.buffer.length);
        return undefined;
      }
    }
    const body = Buffer.from(this.buffer.subarray(bodyStart, bodyEnd));
    this.buffer = this.buffer.subarray(bodyEnd + 1);
    return { command, headers, body };
  }

  /** Reads the command line and header lines up to the blank line. */
  private readHead(): { command: string; headers: StompHeaders; bodyStart: number } | undefined {
    const lines: string[] = [];
    let position = 0;
    for (;;) {
      const lf = this.buffer.indexOf(LF, position);
      if (lf < 0) {
        this.checkSize(this.buffer.length);
        return undefined;
      }
      const end = lf > position && this.buffer[lf - 1] === CR ? lf - 1 : lf;
      const line = this.buffer.toString('utf8', position, end);
      position = lf + 1;
      if (line === '' && lines.length) break;
      lines.push(line);
    }
    const [command = '', ...headerLines] = lines;
    if (!COMMAND.test(command)) {
      throw new StompProtocolError(`Malformed frame: invalid command "${command.slice(0, 40)}"`);
    }
    const unescape = this.unescapeHeaders && !UNESCAPED_COMMANDS.has(command);
    return { command, headers: parseHeaders(headerLines, unescape), bodyStart: position };
  }

  private checkSize(bytes: number): void {
    if (bytes > MAX_FRAME_BYTES) throw new StompProtocolError(`Frame too large: the limit is ${MAX_FRAME_BYTES} bytes`);
  }
}

function parseHeaders(lines: string[], unescape: boolean): StompHeaders {
  const headers: StompHeaders = Object.create(null);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new StompProtocolError('Malformed frame: header line without a name and a colon');
    const name = unescape ? decodeHeader(line.slice(0, colon)) : line.slice(0, colon);
    const value = unescape ? decodeHeader(line.slice(colon + 1)) : line.slice(colon + 1);
    if (!Object.hasOwn(headers, name)) headers[name] = value;
  }
  return headers;
}
