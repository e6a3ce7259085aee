import { inflateSync } from "node:zlib";

/**
 * The text of a PDF made by pdfmake (pdfkit), for tests that check what an export says or must not
 * say. pdfkit embeds subset fonts and writes text as glyph codes in hex strings (`[<0012 0034>] TJ`),
 * so the bytes never hold the text itself: each font's ToUnicode CMap maps the codes back. Handles
 * exactly what pdfkit writes (plain objects, Flate streams, one bfrange CMap per font), nothing more.
 * pdfmake writes a line word by word, each word with its trailing space: a run ending in a space is
 * continued by the next, any other run ends a line.
 */
export function pdfText(pdf: Buffer): string {
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  const source = pdf.toString("latin1");
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objectPattern.exec(source); m; m = objectPattern.exec(source)) {
    const body = m[2] as string;
    const at = body.indexOf("stream");
    if (at < 0) {
      objects.set(m[1] as string, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + "stream".length;
    if (body[start] === "\r") start += 1;
    if (body[start] === "\n") start += 1;
    const end = body.lastIndexOf("endstream");
    let raw = Buffer.from(body.slice(start, end), "latin1");
    if (/\/FlateDecode/.test(dict)) {
      try {
        raw = inflateSync(raw.subarray(0, trimmedLength(raw)));
      } catch {
        continue; // not text (a font program pdfkit wrote otherwise): nothing to read
      }
    }
    objects.set(m[1] as string, { dict, stream: raw });
  }

  // Font resource names (F1, F2 …) are global in pdfkit: name → font object → its ToUnicode CMap.
  const cmaps = new Map<string, Map<number, string>>();
  const fontRef = /\/(F\d+) (\d+) 0 R/g;
  for (const { dict } of objects.values()) {
    for (let m = fontRef.exec(dict); m; m = fontRef.exec(dict)) {
      const font = objects.get(m[2] as string);
      const toUnicode = font?.dict.match(/\/ToUnicode (\d+) 0 R/)?.[1];
      const cmap = toUnicode ? objects.get(toUnicode)?.stream : null;
      if (cmap) cmaps.set(m[1] as string, parseCmap(cmap.toString("latin1")));
    }
  }

  const runs: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/Length1|\/Subtype|CIDInit/.test(dict + stream.subarray(0, 40).toString("latin1"))) continue;
    const content = stream.toString("latin1");
    let cmap: Map<number, string> | undefined;
    const token = /\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj/g;
    for (let m = token.exec(content); m; m = token.exec(content)) {
      if (m[1]) {
        cmap = cmaps.get(m[1]);
        continue;
      }
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((h) => h[1] as string) : [m[3] as string];
      let text = "";
      for (const hex of hexes) {
        const digits = hex.replace(/\s/g, "");
        for (let i = 0; i + 4 <= digits.length; i += 4) text += cmap?.get(Number.parseInt(digits.slice(i, i + 4), 16)) ?? "";
      }
      runs.push(text);
    }
  }
  return runs.map((r) => (/\s$/.test(r) ? r : `${r}\n`)).join("");
}

/** The stream's bytes without the end-of-line that precedes `endstream`. */
function trimmedLength(raw: Buffer): number {
  let n = raw.length;
  while (n > 0 && (raw[n - 1] === 0x0a || raw[n - 1] === 0x0d)) n -= 1;
  return n;
}

/** A pdfkit ToUnicode CMap: `<start> <end> [<u> <u> …]` ranges, each entry UTF-16 code units in hex. */
function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
  for (let m = range.exec(text); m; m = range.exec(text)) {
    const start = Number.parseInt(m[1] as string, 16);
    const entries = [...(m[3] as string).matchAll(/<([0-9a-fA-F\s]*)>/g)];
    entries.forEach((e, i) => {
      const units = (e[1] as string)
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((u) => Number.parseInt(u, 16));
      map.set(start + i, String.fromCharCode(...units));
    });
  }
  return map;
}
