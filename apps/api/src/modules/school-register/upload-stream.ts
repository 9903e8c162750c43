import { AppError, invalid } from '../../common/app-error';

/** Where the bytes of an uploaded file go as they arrive. */
export interface UploadSink {
  start(fileName: string | null): void;
  data(chunk: Buffer): Promise<void>;
}

const MAX_PART_HEADERS = 16 * 1024;

export const tooLarge = (limitBytes: number) =>
  new AppError('too_large', 413, `The file is larger than ${Math.round(limitBytes / 1024 / 1024)} MB. A whole-country GIAS export is about 60 MB; check you chose the right file.`);

/**
 * Streams the file out of an upload without holding it in memory: either the whole body
 * (`text/csv`) or the first file part of a `multipart/form-data` body (field `file`, or
 * any part with a filename). Answers whether a file was found and how many bytes it had.
 */
export async function streamUpload(body: AsyncIterable<Buffer> | undefined, contentType: string | undefined, limitBytes: number, sink: UploadSink): Promise<{ found: boolean; bytes: number }> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!body || typeof (body as AsyncIterable<Buffer>)[Symbol.asyncIterator] !== 'function') throw notAFile();
  if (type === 'text/csv' || type === 'application/csv' || type === 'application/vnd.ms-excel') {
    sink.start(null);
    let bytes = 0;
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > limitBytes) throw tooLarge(limitBytes);
      await sink.data(chunk);
    }
    return { found: true, bytes };
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    if (!boundary) throw notAFile();
    return readMultipart(body, boundary[1] ?? boundary[2]!, limitBytes, sink);
  }
  throw notAFile();
}

function notAFile(): AppError {
  return invalid([{ field: 'file', message: 'Upload the GIAS file as form data (field "file") or as a text/csv request body.' }]);
}

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'end';

async function readMultipart(body: AsyncIterable<Buffer>, boundary: string, limitBytes: number, sink: UploadSink): Promise<{ found: boolean; bytes: number }> {
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = Buffer.alloc(0);
  let state: State = 'preamble';
  let target = false;
  let found = false;
  let done = false;
  let bytes = 0;

  const emit = async (chunk: Buffer) => {
    if (!target || chunk.length === 0) return;
    bytes += chunk.length;
    if (bytes > limitBytes) throw tooLarge(limitBytes);
    await sink.data(chunk);
  };

  for await (const incoming of body) {
    buffer = buffer.length === 0 ? incoming : Buffer.concat([buffer, incoming]);
    let progressed = true;
    while (progressed && state !== 'end') {
      progressed = false;
      if (state === 'preamble') {
        const at = buffer.indexOf(opening);
        if (at === -1) {
          buffer = buffer.subarray(Math.max(0, buffer.length - opening.length));
        } else {
          buffer = buffer.subarray(at + opening.length);
          state = 'after-delimiter';
          progressed = true;
        }
      } else if (state === 'after-delimiter') {
        if (buffer.length < 2) break;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'end';
          break;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) break;
        buffer = buffer.subarray(lineEnd + 2);
        state = 'headers';
        progressed = true;
      } else if (state === 'headers') {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) {
          if (buffer.length > MAX_PART_HEADERS) throw notAFile();
          break;
        }
        const headers = buffer.subarray(0, end).toString('utf8');
        buffer = buffer.subarray(end + 4);
        const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
        const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
        const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
        target = !done && (name === 'file' || fileName !== undefined);
        if (target) {
          found = true;
          sink.start(fileName ? fileName.split(/[\\/]/).pop()!.slice(0, 200) : null);
        }
        state = 'body';
        progressed = true;
      } else if (state === 'body') {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          const safe = buffer.length - (delimiter.length - 1);
          if (safe > 0) {
            await emit(buffer.subarray(0, safe));
            buffer = buffer.subarray(safe);
          }
        } else {
          await emit(buffer.subarray(0, at));
          buffer = buffer.subarray(at + delimiter.length);
          if (target) done = true;
          target = false;
          state = 'after-delimiter';
          progressed = true;
        }
      }
    }
    // Copy what is kept, so the (possibly large) chunk it points into can be freed.
    buffer = Buffer.from(buffer);
  }
  return { found, bytes };
}
