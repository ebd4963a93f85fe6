package org.tacecrf.domain.report;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

/**
 * The fonts a PDF report embeds, tried in order for every character, so mixed Latin and Chinese text
 * prints without configuration on a Debian server: first the font files given (e.g. a TTF/TTC from
 * the study's configuration or {@code -Dtace.report.fonts=/path/a.ttf:/path/b.ttc}), then the usual
 * Debian locations of DejaVu Sans and Liberation Sans (Latin, Greek, ±, ≥) and of CJK fonts
 * (WenQuanYi Micro Hei/Zen Hei, AR PL UMing, Droid Sans Fallback, Noto Sans CJK), and finally the PDF
 * standard font Helvetica, which needs no file. Files that are missing or unreadable are skipped;
 * characters no font has are left out of the PDF rather than failing the report (install e.g. Debian's
 * {@code fonts-wqy-microhei} to print Chinese).
 * <p>
 * TrueType collections are addressed with their first face ({@code file.ttc,0}). Fonts are embedded as
 * subsets with Identity-H encoding, so text can be searched and copied from the PDF.
 */
public final class PdfFonts {

    /** System property with extra font files, separated by the platform's path separator. */
    public static final String FONTS_PROPERTY = "tace.report.fonts";

    private static final List<String> REGULAR = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    private static final List<String> BOLD = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf");

    private final List<BaseFont> regular;
    private final List<BaseFont> bold;

    private PdfFonts(List<BaseFont> regular, List<BaseFont> bold) {
        this.regular = List.copyOf(regular);
        this.bold = List.copyOf(bold);
    }

    /** The configured files (system property), then the Debian fonts found, then Helvetica. */
    public static PdfFonts system() {
        List<Path> configured = new ArrayList<>();
        String property = System.getProperty(FONTS_PROPERTY, "");
        for (String p : property.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                configured.add(Path.of(p.strip()));
            }
        }
        return of(configured);
    }

    /** The given font files first (TTF, OTF or TTC), then as {@link #system()} without the property. */
    public static PdfFonts of(List<Path> fontFiles) {
        Set<String> regularFiles = new LinkedHashSet<>();
        fontFiles.forEach(p -> regularFiles.add(p.toAbsolutePath().toString()));
        regularFiles.addAll(REGULAR);
        List<BaseFont> boldFonts = load(BOLD);
        List<BaseFont> regularFonts = load(regularFiles);
        boldFonts.addAll(regularFonts); // a face without a bold variant prints regular
        return new PdfFonts(regularFonts, boldFonts);
    }

    /** Only the built-in Helvetica (Latin-1 text), no files. */
    public static PdfFonts builtIn() {
        return new PdfFonts(List.of(), List.of());
    }

    /** The file-based faces found, in the order they are tried (for logging what a server will use). */
    public List<String> faces() {
        return regular.stream().map(BaseFont::getPostscriptFontName).toList();
    }

    /** Whether every character of {@code text} has a glyph in one of the fonts. */
    public boolean canDisplay(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || face(regular, c) != null
                || helvetica(false).charExists(c));
    }

    /** Text in the given size and weight, each character in the first font that has it. */
    Phrase phrase(String text, float size, boolean boldFace, Color colour) {
        FontSelector selector = new FontSelector();
        for (BaseFont f : boldFace ? bold : regular) {
            selector.addFont(new Font(f, size, Font.NORMAL, colour));
        }
        selector.addFont(new Font(helvetica(boldFace), size, Font.NORMAL, colour));
        return text.isEmpty() ? new Phrase(new Chunk("", new Font(helvetica(boldFace), size))) : selector.process(text);
    }

    /** Text followed by footnote markers in superscript. */
    Phrase phrase(String text, List<String> markers, float size, boolean boldFace) {
        Phrase phrase = phrase(text, size, boldFace, Color.BLACK);
        if (!markers.isEmpty()) {
            Phrase sup = phrase(String.join(",", markers), size * 0.7f, boldFace, Color.BLACK);
            for (Object o : sup) {
                Chunk chunk = (Chunk) o;
                chunk.setTextRise(size * 0.35f);
                phrase.add(chunk);
            }
        }
        return phrase;
    }

    /** Width of the text in points, measured with the font each character will print in. */
    float width(String text, float size, boolean boldFace) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            BaseFont f = face(boldFace ? bold : regular, c);
            if (f == null) {
                f = helvetica(boldFace);
            }
            w += f.charExists(c) ? f.getWidthPoint(c, size) : size * 0.6f;
            i += Character.charCount(c);
        }
        return w;
    }

    /** The plain font for page furniture (page numbers). */
    BaseFont plain() {
        return regular.isEmpty() ? helvetica(false) : regular.get(0);
    }

    private static BaseFont face(List<BaseFont> fonts, int c) {
        for (BaseFont f : fonts) {
            if (f.charExists(c)) {
                return f;
            }
        }
        return null;
    }

    private static List<BaseFont> load(Iterable<String> files) {
        List<BaseFont> fonts = new ArrayList<>();
        for (String file : files) {
            if (!Files.isReadable(Path.of(file))) {
                continue;
            }
            String name = file.toLowerCase().endsWith(".ttc") ? file + ",0" : file;
            try {
                fonts.add(BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (IOException | RuntimeException e) {
                // an unusable file is skipped; the next font in line prints the text
            }
        }
        return fonts;
    }

    private static BaseFont helvetica(boolean boldFace) {
        try {
            return BaseFont.createFont(boldFace ? BaseFont.HELVETICA_BOLD : BaseFont.HELVETICA, BaseFont.WINANSI,
                    BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new IllegalStateException("The PDF standard font Helvetica is missing from OpenPDF.", e);
        }
    }

    @Override
    public String toString() {
        return "PdfFonts" + faces();
    }
}
