import PdfPrinter from "pdfmake";
import vfs from "pdfmake/build/vfs_fonts";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

/** Roboto as shipped inside pdfmake (base64 in vfs_fonts): nothing is fetched at runtime. */
let printer: PdfPrinter | undefined;
function pdfPrinter(): PdfPrinter {
  if (!printer) {
    const font = (name: string) => Buffer.from(vfs[name] as string, "base64");
    printer = new PdfPrinter({
      Roboto: {
        normal: font("Roboto-Regular.ttf"),
        bold: font("Roboto-Medium.ttf"),
        italics: font("Roboto-Italic.ttf"),
        bolditalics: font("Roboto-MediumItalic.ttf"),
      },
    });
  }
  return printer;
}

/** Renders a pdfmake document (the reports' exports) to a buffer. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = pdfPrinter().createPdfKitDocument(doc);
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
