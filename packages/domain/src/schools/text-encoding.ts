/** The encodings a school register file is read in. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * Works out a file's encoding from its bytes as they stream past: UTF-8 when every
 * byte sequence is valid UTF-8, otherwise Windows-1252, which is what spreadsheet
 * software on Windows (and the DfE's own downloads) write. Windows-1252 maps every
 * byte to a character, so a file read that way never fails, it can only look wrong.
 */
export class EncodingSniffer {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private valid = true;

  push(bytes: Uint8Array): void {
    if (!this.valid) return;
    try {
      this.utf8.decode(bytes, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  /** Call once every byte has been pushed. */
  result(): CsvEncoding {
    if (this.valid) {
      try {
        this.utf8.decode();
      } catch {
        this.valid = false; // the file ended half-way through a UTF-8 sequence
      }
    }
    return this.valid ? 'utf-8' : 'windows-1252';
  }
}

export interface StreamingDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A streaming decoder for the encoding found; a UTF-8 byte-order mark is left to the CSV reader. */
export function textDecoderFor(encoding: CsvEncoding): StreamingDecoder {
  return new TextDecoder(encoding, { ignoreBOM: true });
}

/** Windows-1252's characters above 0x7F that differ from Latin-1 (0x80-0x9F). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Text as Windows-1252 bytes (characters it cannot hold become "?"), for writing files in that encoding. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else bytes[i] = CP1252_HIGH[text[i]!] ?? 0x3f;
  }
  return bytes;
}
