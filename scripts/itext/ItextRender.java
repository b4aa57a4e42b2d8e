// java -cp /usr/share/java/itext.jar:CLASSES ItextRender IN.ir OUT.pdf [FONT] (see render.sh)
// Lays out to-ir.mjs's file with iText 2.1.7 (com.lowagie) as a report engine would: centred titles,
// a meta line set left/right, PdfPTable grids with colspan/rowspan, 0.5 pt borders, repeated headers,
// wide tables on landscape A4 pages, narrative paragraphs with a first-line indent.
import com.lowagie.text.*;
import com.lowagie.text.pdf.*;
import com.lowagie.text.pdf.draw.VerticalPositionMark;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

public class ItextRender {
    static BaseFont bf;
    static Font f(float size) { return new Font(bf, size); }

    static String unesc(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else b.append(c);
        }
        return b.toString();
    }

    static final float MM = 72f / 25.4f;

    static void setPage(Document doc, boolean landscape) {
        if (landscape) {
            doc.setPageSize(PageSize.A4.rotate());
            doc.setMargins(12 * MM, 12 * MM, 12 * MM, 12 * MM);
        } else {
            doc.setPageSize(PageSize.A4);
            doc.setMargins(15 * MM, 15 * MM, 15 * MM, 15 * MM);
        }
    }

    static Chunk bold(String s, float size) {
        Chunk c = new Chunk(s, f(size));
        c.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, size / 30f, null);
        return c;
    }

    public static void main(String[] args) throws Exception {
        String font = args.length > 2 ? args[2] : "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0";
        bf = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        java.util.List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(args[0]), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) lines.add(l);
        }
        Document doc = new Document();
        setPage(doc, false);
        PdfWriter w = PdfWriter.getInstance(doc, new FileOutputStream(args[1]));
        doc.addCreator("iText 2.1.7 report export");
        doc.open();

        PdfPTable table = null;
        int ncols = 0;
        float cellSize = 8f;
        for (String line : lines) {
            if (line.isEmpty()) continue;
            String[] raw = line.split("\t", -1);
            String cmd = raw[0];
            String[] a = new String[raw.length];
            for (int i = 0; i < raw.length; i++) a[i] = unesc(raw[i]);
            switch (cmd) {
                case "H1": {
                    Paragraph p = new Paragraph();
                    p.add(bold(a[1], 16));
                    p.setAlignment(Element.ALIGN_CENTER);
                    p.setSpacingAfter(12);
                    doc.add(p);
                    break;
                }
                case "PARA": {
                    Paragraph p = new Paragraph(a[1], f(10.5f));
                    p.setAlignment(Element.ALIGN_CENTER);
                    doc.add(p);
                    break;
                }
                case "NEWPAGE":
                    setPage(doc, a[1].equals("L"));
                    doc.newPage();
                    break;
                case "TITLE": {
                    Paragraph p = new Paragraph();
                    p.add(bold(a[1], 13));
                    p.setAlignment(Element.ALIGN_CENTER);
                    p.setSpacingAfter(2);
                    doc.add(p);
                    break;
                }
                case "ANCHOR": {
                    Paragraph p = new Paragraph(a[1], f(9));
                    p.setAlignment(Element.ALIGN_CENTER);
                    doc.add(p);
                    break;
                }
                case "META": {
                    Paragraph p = new Paragraph();
                    p.setFont(f(9));
                    p.add(new Chunk(a[1], f(9)));
                    if (a.length > 2) {
                        p.add(new Chunk(new VerticalPositionMark()));
                        p.add(new Chunk(a[2], f(9)));
                    }
                    p.setSpacingAfter(3);
                    doc.add(p);
                    break;
                }
                case "TABLE": {
                    ncols = Integer.parseInt(a[2]);
                    table = new PdfPTable(ncols);
                    table.setWidthPercentage(100);
                    table.setHeaderRows(Integer.parseInt(a[3]));
                    cellSize = a[1].equals("form") ? 8.5f : 8f;
                    break;
                }
                case "WIDTHS": {
                    float[] ws = new float[ncols];
                    for (int i = 0; i < ncols; i++) ws[i] = Float.parseFloat(a[i + 1]);
                    table.setWidths(ws);
                    break;
                }
                case "ROW":
                    break;
                case "CELL": {
                    int cs = Integer.parseInt(a[1]), rs = Integer.parseInt(a[2]);
                    PdfPCell c = new PdfPCell(new Phrase(a[5], f(cellSize)));
                    c.setColspan(cs);
                    c.setRowspan(rs);
                    c.setBorderWidth(0.5f);
                    c.setPadding(2.5f);
                    c.setUseAscender(true);
                    c.setVerticalAlignment(Element.ALIGN_MIDDLE);
                    c.setHorizontalAlignment(a[3].equals("R") ? Element.ALIGN_RIGHT : a[3].equals("C") ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
                    table.addCell(c);
                    break;
                }
                case "ENDTABLE":
                    table.setSpacingBefore(2);
                    doc.add(table);
                    table = null;
                    break;
                case "NOTE": {
                    Paragraph p = new Paragraph(a[1], f(8));
                    doc.add(p);
                    break;
                }
                case "SECTION": {
                    Paragraph p = new Paragraph();
                    p.add(bold(a[1], 13));
                    p.setSpacingAfter(6);
                    doc.add(p);
                    break;
                }
                case "NARR": {
                    Paragraph p = new Paragraph(a[1], f(10.5f));
                    p.setFirstLineIndent(21);
                    p.setLeading(18);
                    p.setAlignment(Element.ALIGN_JUSTIFIED);
                    doc.add(p);
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown line: " + line);
            }
        }
        doc.close();
    }
}
