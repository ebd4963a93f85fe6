package org.tacecrf.domain.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits expression text into tokens. Besides the plain grammar it recognises the mistakes people
 * make when they come from spreadsheets, REDCap or a Chinese input method (decimal commas, unquoted
 * dates, &amp;&amp;, full-width punctuation, curly quotes) and reports them with a hint.
 */
final class Lexer {

    private static final Map<String, TokenType> KEYWORDS = Map.of(
            "and", TokenType.AND, "or", TokenType.OR, "not", TokenType.NOT, "in", TokenType.IN,
            "true", TokenType.TRUE, "false", TokenType.FALSE, "null", TokenType.NULL);

    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('≤', "write '<='"), Map.entry('≥', "write '>='"), Map.entry('≠', "write '!='"),
            Map.entry('（', "full-width '（': write '('"), Map.entry('）', "full-width '）': write ')'"),
            Map.entry('，', "full-width '，': write ','"), Map.entry('＝', "full-width '＝': write '='"),
            Map.entry('＜', "full-width '＜': write '<'"), Map.entry('＞', "full-width '＞': write '>'"),
            Map.entry('。', "full-width '。': write '.'"), Map.entry('：', "full-width '：': write ':'"),
            Map.entry('‘', "curly quote: write a straight quote '"), Map.entry('’', "curly quote: write a straight quote '"),
            Map.entry('“', "curly quote: write a straight quote \""), Map.entry('”', "curly quote: write a straight quote \""),
            Map.entry('×', "write '*' to multiply"), Map.entry('÷', "write '/' to divide"),
            Map.entry('#', "dates are written date('2024-03-01')"),
            Map.entry('[', "brackets are not used: group with '(' and ')'"),
            Map.entry(']', "brackets are not used: group with '(' and ')'"),
            Map.entry('{', "braces are only used for placeholders in messages"),
            Map.entry('}', "braces are only used for placeholders in messages"),
            Map.entry(';', "write 'and' or 'or' to join conditions"),
            Map.entry('%', "write '/ 100' for a percentage"));

    private final SourceText source;
    private final String text;
    private int pos;

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    static List<Token> tokenize(SourceText source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenType.END, "", null, null, pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' || c == '\u3000') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token next() {
        char c = text.charAt(pos);
        if (c >= '0' && c <= '9') {
            return number();
        }
        if (Reference.isIdentifierStart(c)) {
            return word();
        }
        int start = pos;
        switch (c) {
            case '\'', '"' -> {
                return quoted(c);
            }
            case '$' -> {
                return parameter();
            }
            case '+' -> { return single(TokenType.PLUS); }
            case '-' -> { return single(TokenType.MINUS); }
            case '*' -> { return single(TokenType.STAR); }
            case '/' -> { return single(TokenType.SLASH); }
            case '^' -> { return single(TokenType.CARET); }
            case '(' -> { return single(TokenType.LPAREN); }
            case ')' -> { return single(TokenType.RPAREN); }
            case ',' -> { return single(TokenType.COMMA); }
            case ':' -> { return single(TokenType.COLON); }
            case '.' -> {
                if (peek(1) >= '0' && peek(1) <= '9') {
                    throw error(ParseErrorCode.INVALID_NUMBER, "a number starts with a digit: write 0" + digitsFrom(pos), start);
                }
                return single(TokenType.DOT);
            }
            case '<' -> {
                if (peek(1) == '=') { return pair(TokenType.LE); }
                if (peek(1) == '>') { return pair(TokenType.NE); }
                return single(TokenType.LT);
            }
            case '>' -> {
                return peek(1) == '=' ? pair(TokenType.GE) : single(TokenType.GT);
            }
            case '=' -> {
                return peek(1) == '=' ? pair(TokenType.EQ) : single(TokenType.EQ);
            }
            case '!' -> {
                if (peek(1) == '=') {
                    return pair(TokenType.NE);
                }
                throw error(ParseErrorCode.UNEXPECTED_CHARACTER, "unexpected '!': write 'not'", start);
            }
            case '&' -> throw error(ParseErrorCode.UNEXPECTED_CHARACTER,
                    "unexpected '" + (peek(1) == '&' ? "&&" : "&") + "': write 'and'", start);
            case '|' -> throw error(ParseErrorCode.UNEXPECTED_CHARACTER,
                    "unexpected '" + (peek(1) == '|' ? "||" : "|") + "': write 'or'", start);
            default -> {
                String hint = LOOK_ALIKES.get(c);
                throw error(ParseErrorCode.UNEXPECTED_CHARACTER,
                        "unexpected character '" + c + "'" + (hint == null ? "" : ": " + hint), start);
            }
        }
    }

    private Token number() {
        int start = pos;
        rejectUnquotedDate(start);
        while (isDigit(peek(0))) {
            pos++;
        }
        if (peek(0) == ',' && isDigit(peek(1))) {
            int after = pos + 1;
            while (after < text.length() && isDigit(text.charAt(after))) {
                after++;
            }
            String written = text.substring(start, after);
            throw error(ParseErrorCode.DECIMAL_COMMA, "decimal comma in '" + written + "': use a decimal point ("
                    + written.replace(',', '.') + "); to separate two numbers put a space after the comma", start);
        }
        if (peek(0) == '.') {
            if (!isDigit(peek(1))) {
                throw error(ParseErrorCode.INVALID_NUMBER, "number '" + text.substring(start, pos + 1)
                        + "' needs digits after the decimal point", start);
            }
            pos++;
            while (isDigit(peek(0))) {
                pos++;
            }
        }
        if (Reference.isIdentifierStart(peek(0))) {
            int wordEnd = pos;
            while (wordEnd < text.length() && Reference.isIdentifierPart(text.charAt(wordEnd))) {
                wordEnd++;
            }
            throw error(ParseErrorCode.INVALID_NUMBER, "number '" + text.substring(start, pos) + "' is followed by '"
                    + text.substring(pos, wordEnd) + "': units are not written in expressions, and ids start with a letter", start);
        }
        String lexeme = text.substring(start, pos);
        return new Token(TokenType.NUMBER, lexeme, null, new BigDecimal(lexeme), start, pos);
    }

    /** 2024-03-01 would silently compute 2024 - 3 - 1 = 2020; 01/03/2024 a division. */
    private void rejectUnquotedDate(int start) {
        int i = start;
        int a = countDigits(i);
        i += a;
        char sep = i < text.length() ? text.charAt(i) : 0;
        if (a == 0 || (sep != '-' && sep != '/' && sep != '.')) {
            return;
        }
        int b = countDigits(i + 1);
        int j = i + 1 + b;
        if (b == 0 || b > 2 || j >= text.length() || text.charAt(j) != sep) {
            return;
        }
        int c = countDigits(j + 1);
        boolean iso = a == 4 && sep == '-' && c >= 1 && c <= 2;
        boolean dayFirst = a <= 2 && c == 4;
        if (iso || dayFirst) {
            String written = text.substring(start, j + 1 + c);
            String suggestion = iso ? written : "YYYY-MM-DD";
            throw error(ParseErrorCode.UNQUOTED_DATE, "'" + written + "' looks like a date: write it as date('"
                    + suggestion + "')", start);
        }
    }

    private Token word() {
        int start = pos;
        while (Reference.isIdentifierPart(peek(0))) {
            pos++;
        }
        String lexeme = text.substring(start, pos);
        TokenType keyword = KEYWORDS.get(lexeme.toLowerCase(Locale.ROOT));
        return new Token(keyword != null ? keyword : TokenType.IDENTIFIER, lexeme, lexeme, null, start, pos);
    }

    private Token parameter() {
        int start = pos;
        pos++;
        if (!Reference.isIdentifierStart(peek(0))) {
            throw error(ParseErrorCode.UNEXPECTED_CHARACTER,
                    "'$' starts a study parameter and must be followed by its name, as in $max_dose_per_vial_mg", start);
        }
        int nameStart = pos;
        while (Reference.isIdentifierPart(peek(0))) {
            pos++;
        }
        return new Token(TokenType.PARAMETER, text.substring(start, pos), text.substring(nameStart, pos), null, start, pos);
    }

    private Token quoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                throw error(ParseErrorCode.UNTERMINATED_TEXT,
                        "text starting here is not closed: add the closing " + quote, start);
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (peek(0) == quote) {
                    value.append(quote);
                    pos++;
                } else {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        return new Token(TokenType.TEXT, text.substring(start, pos), value.toString(), null, start, pos);
    }

    private Token single(TokenType type) {
        pos++;
        return new Token(type, text.substring(pos - 1, pos), null, null, pos - 1, pos);
    }

    private Token pair(TokenType type) {
        pos += 2;
        return new Token(type, text.substring(pos - 2, pos), null, null, pos - 2, pos);
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : 0;
    }

    private int countDigits(int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private String digitsFrom(int dot) {
        return text.substring(dot, dot + 1 + countDigits(dot + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private ParseException error(ParseErrorCode code, String reason, int offset) {
        return new ParseException(code, reason, source, offset);
    }
}
