package org.tacecrf.domain.exchange;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text encodings an import file may have, and how the encoding is decided:
 * <ol>
 *   <li>a byte-order mark names it (UTF-8, UTF-16 little or big endian);</li>
 *   <li>otherwise bytes that are valid UTF-8 are read as UTF-8 (plain ASCII included) unless they are
 *       also valid GB18030 and read as GB18030 give more plausible text: a short GBK word can happen
 *       to be valid UTF-8 ({@code C5 AE}, 女, reads as Ů), so both readings are scored by the share
 *       of characters a clinical spreadsheet holds (CJK ideographs and punctuation, Latin-1 letters,
 *       typographic and mathematical signs) and UTF-8 wins ties;</li>
 *   <li>otherwise bytes that are valid GB18030 are read as GB18030, the encoding of Chinese Excel
 *       and WPS "CSV" files (it contains GBK and GB2312);</li>
 *   <li>anything else is refused with a message rather than read with replacement characters.</li>
 * </ol>
 * Decoding is strict: a single malformed sequence rejects the candidate, so a value is never read
 * as something else than what was typed.
 */
public enum TextEncoding {
    UTF_8("UTF-8"),
    UTF_8_BOM("UTF-8 with byte-order mark"),
    UTF_16LE_BOM("UTF-16 little-endian"),
    UTF_16BE_BOM("UTF-16 big-endian"),
    GB18030("GB18030 (GBK)");

    /** GB18030 is in every JDK, but look it up by name so a trimmed runtime fails clearly. */
    private static final Charset GB18030_CHARSET = Charset.forName("GB18030");

    private final String displayName;

    TextEncoding(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Text read from a file, with the encoding that was used. */
    public record Decoded(String text, TextEncoding encoding) {
    }

    /** Decodes the bytes by the rules above; empty when no supported encoding reads them. */
    public static Optional<Decoded> decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8).map(t -> new Decoded(t, UTF_8_BOM));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE).map(t -> new Decoded(t, UTF_16LE_BOM));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE).map(t -> new Decoded(t, UTF_16BE_BOM));
        }
        Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        Optional<String> gb = strict(bytes, 0, GB18030_CHARSET);
        if (utf8.isPresent() && gb.isPresent() && plausibility(gb.get()) > plausibility(utf8.get())) {
            return Optional.of(new Decoded(gb.get(), GB18030));
        }
        if (utf8.isPresent()) {
            return Optional.of(new Decoded(utf8.get(), UTF_8));
        }
        return gb.map(t -> new Decoded(t, GB18030));
    }

    /** Share of the non-ASCII characters that are likely in a clinical spreadsheet; 1 when all are ASCII. */
    static double plausibility(String text) {
        int other = 0;
        int likely = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                continue;
            }
            other++;
            if (likely(c)) {
                likely++;
            }
        }
        return other == 0 ? 1 : (double) likely / other;
    }

    private static boolean likely(int c) {
        return (c >= 0x00A0 && c <= 0x00FF)            // Latin-1: é, µ, °, ±
                || (c >= 0x0391 && c <= 0x03C9)        // Greek letters
                || (c >= 0x2000 && c <= 0x22FF)        // punctuation, ℃, arrows, ≤ ≥
                || (c >= 0x3000 && c <= 0x303F)        // CJK punctuation
                || (c >= 0x3400 && c <= 0x9FFF)        // CJK ideographs
                || (c >= 0xF900 && c <= 0xFAFF)        // CJK compatibility ideographs
                || (c >= 0xFF00 && c <= 0xFFEF)        // full-width forms
                || (c >= 0x20000 && c <= 0x2FFFF);     // CJK extensions
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            String text = chars.toString();
            // Control characters other than tab and line breaks mean a binary file, not text.
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return Optional.empty();
                }
            }
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
