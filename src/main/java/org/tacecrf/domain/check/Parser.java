package org.tacecrf.domain.check;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser for the edit-check language; the grammar is in
 * docs/edit-check-language.md. Precedence, lowest first: or; and; not; comparisons and in;
 * + -; * /; unary minus; ^ (right-associative); calls, paths, literals, parentheses.
 */
final class Parser {

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final SourceText source;
    private final List<Token> tokens;
    private int index;

    private final Map<Reference, Integer> itemSlots = new LinkedHashMap<>();
    private final Map<String, Integer> parameterSlots = new LinkedHashMap<>();
    /** Variables of the every/some being parsed, innermost last. */
    private final Map<String, Node.LocalRef> locals = new HashMap<>();
    private int localCount;

    private Parser(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    /** The syntax tree and the paths and parameters it reads, in order of first appearance. */
    record Result(Node root, List<Reference> references, List<String> parameters, int localCount) {
    }

    static Result parse(SourceText source) {
        Parser parser = new Parser(source);
        if (parser.peek().type() == TokenType.END) {
            throw new ParseException(ParseErrorCode.EMPTY_EXPRESSION, "the expression is empty", source, 0);
        }
        Node root = parser.expression();
        Token rest = parser.peek();
        if (rest.type() != TokenType.END) {
            throw parser.unexpectedAfterValue(rest);
        }
        return new Result(root, List.copyOf(parser.itemSlots.keySet()), List.copyOf(parser.parameterSlots.keySet()),
                parser.localCount);
    }

    private Node expression() {
        return or();
    }

    private Node or() {
        List<Node> operands = new ArrayList<>();
        operands.add(and());
        while (match(TokenType.OR)) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Node.Logical(false, operands);
    }

    private Node and() {
        List<Node> operands = new ArrayList<>();
        operands.add(not());
        while (match(TokenType.AND)) {
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Node.Logical(true, operands);
    }

    private Node not() {
        if (peek().type() == TokenType.NOT) {
            Token not = advance();
            Node operand = not();
            return new Node.Not(operand, not.start(), operand.end);
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        if (peek().type() == TokenType.IN
                || (peek().type() == TokenType.NOT && peek(1).type() == TokenType.IN)) {
            boolean negated = match(TokenType.NOT);
            advance();
            return in(left, negated);
        }
        if (!peek().type().isComparison()) {
            return left;
        }
        List<Node> operands = new ArrayList<>();
        List<ComparisonOperator> operators = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        operands.add(left);
        while (peek().type().isComparison()) {
            Token opToken = advance();
            ComparisonOperator op = ComparisonOperator.of(opToken.type());
            if (!operators.isEmpty()) {
                ComparisonOperator previous = operators.get(operators.size() - 1);
                if (previous.isEquality() || op.isEquality()) {
                    throw error(ParseErrorCode.CHAINED_COMPARISON, "'" + opToken.lexeme()
                            + "' cannot follow another comparison: join two comparisons with 'and'", opToken);
                }
                if (!previous.chainsWith(op)) {
                    throw error(ParseErrorCode.CHAINED_COMPARISON, "'" + opToken.lexeme()
                            + "' goes the other way than '" + previous.symbol
                            + "': a chain must go one way, as in a <= b < c; otherwise join two comparisons with 'and'", opToken);
                }
            }
            Node right = additive();
            if (isNullLiteral(operands.get(operands.size() - 1)) || isNullLiteral(right)) {
                throw error(ParseErrorCode.COMPARISON_WITH_NULL, "a comparison with null or '' is never true: use isEmpty(x) or notEmpty(x)",
                        opToken);
            }
            operators.add(op);
            offsets.add(opToken.start());
            operands.add(right);
        }
        return new Node.Comparison(operands, operators, offsets);
    }

    private Node in(Node value, boolean negated) {
        List<Node> candidates = new ArrayList<>();
        int end;
        if (peek().type() == TokenType.LPAREN) {
            Token open = advance();
            candidates.add(expression());
            while (match(TokenType.COMMA)) {
                candidates.add(expression());
            }
            end = close(open, "'(' of the 'in' list", true).end();
        } else {
            Node list = power();
            candidates.add(list);
            end = list.end;
        }
        return new Node.In(value, candidates, negated, end);
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().type() == TokenType.PLUS || peek().type() == TokenType.MINUS) {
            Token t = advance();
            ArithmeticOperator op = t.type() == TokenType.PLUS ? ArithmeticOperator.PLUS : ArithmeticOperator.MINUS;
            left = new Node.Arithmetic(op, t.start(), left, multiplicative());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().type() == TokenType.STAR || peek().type() == TokenType.SLASH) {
            Token t = advance();
            ArithmeticOperator op = t.type() == TokenType.STAR ? ArithmeticOperator.TIMES : ArithmeticOperator.DIVIDE;
            left = new Node.Arithmetic(op, t.start(), left, unary());
        }
        return left;
    }

    /** Unary minus binds looser than ^, as in mathematics: -2^2 = -4. */
    private Node unary() {
        if (peek().type() == TokenType.MINUS) {
            Token minus = advance();
            Node operand = unary();
            if (operand instanceof Node.Literal literal && literal.value instanceof NumberValue n) {
                return new Node.Literal(Value.number(n.value().negate()), minus.start(), operand.end);
            }
            return new Node.Negate(operand, minus.start(), operand.end);
        }
        return power();
    }

    /** base ^ exponent, right-associative (2^3^2 = 2^9); the exponent may carry a sign (2^-1). */
    private Node power() {
        Node base = primary();
        if (peek().type() == TokenType.CARET) {
            Token caret = advance();
            return new Node.Arithmetic(ArithmeticOperator.POWER, caret.start(), base, unary());
        }
        return base;
    }

    private Node primary() {
        Token t = peek();
        switch (t.type()) {
            case NUMBER -> {
                advance();
                return new Node.Literal(Value.number(t.number()), t.start(), t.end());
            }
            case TEXT -> {
                advance();
                return new Node.Literal(Value.text(t.value()), t.start(), t.end());
            }
            case TRUE, FALSE -> {
                advance();
                return new Node.Literal(Value.bool(t.type() == TokenType.TRUE), t.start(), t.end());
            }
            case NULL -> {
                advance();
                return new Node.Literal(Value.empty(), t.start(), t.end());
            }
            case PARAMETER -> {
                advance();
                int slot = parameterSlots.computeIfAbsent(t.value(), k -> parameterSlots.size());
                return new Node.ParamRef(t.value(), slot, t.start(), t.end());
            }
            case LPAREN -> {
                advance();
                Node inner = expression();
                close(t, "'('", false);
                return inner;
            }
            case IDENTIFIER -> {
                advance();
                return peek().type() == TokenType.LPAREN ? call(t) : path(t);
            }
            default -> throw missingValue(t);
        }
    }

    private Node path(Token first) {
        List<Token> parts = new ArrayList<>();
        parts.add(first);
        while (match(TokenType.DOT)) {
            Token part = peek();
            if (part.type() != TokenType.IDENTIFIER) {
                throw error(ParseErrorCode.INVALID_PATH, "an id is needed after '.', not " + part.describe(), part);
            }
            parts.add(advance());
        }
        Token last = parts.get(parts.size() - 1);
        if (parts.size() > 3) {
            throw error(ParseErrorCode.INVALID_PATH, "'" + source.slice(first.start(), last.end())
                    + "' has " + parts.size() + " parts: a path is item, form.item or visit.form.item", first);
        }
        if (parts.size() == 1 && locals.containsKey(first.value())) {
            Node.LocalRef bound = locals.get(first.value());
            return new Node.LocalRef(bound.name, bound.slot, bound.list, first.start(), first.end());
        }
        if (peek().type() == TokenType.LPAREN) {
            throw error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected '(' after the path '"
                    + source.slice(first.start(), last.end()) + "': function names have no dots", peek());
        }
        Reference reference = switch (parts.size()) {
            case 1 -> new Reference(null, null, first.value());
            case 2 -> new Reference(null, first.value(), last.value());
            default -> new Reference(first.value(), parts.get(1).value(), last.value());
        };
        int slot = itemSlots.computeIfAbsent(reference, k -> itemSlots.size());
        return new Node.ItemRef(reference, slot, first.start(), last.end());
    }

    private Node call(Token name) {
        String lower = name.value().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "date" -> {
                return dateLiteral(name);
            }
            case "every", "some" -> {
                return quantifier(name, lower.equals("every"));
            }
            case "if" -> {
                List<Node> args = arguments(name);
                if (args.size() != 3) {
                    throw error(ParseErrorCode.WRONG_ARGUMENT_COUNT, "if() takes 3 arguments: "
                            + Functions.SPECIAL_FORMS.get("if") + "; found " + args.size(), name);
                }
                return new Node.If(args.get(0), args.get(1), args.get(2), name.start(), previous().end());
            }
            default -> {
                FunctionDef function = Functions.find(name.value()).orElseThrow(() -> unknownFunction(name));
                List<Node> args = arguments(name);
                if (args.size() < function.minArguments || args.size() > function.maxArguments) {
                    throw error(ParseErrorCode.WRONG_ARGUMENT_COUNT, function.name + "() takes " + function.arity()
                            + ": " + function.signature() + "; found " + args.size(), name);
                }
                return new Node.Call(function, args, name.start(), previous().end());
            }
        }
    }

    private List<Node> arguments(Token name) {
        Token open = advance();
        List<Node> args = new ArrayList<>();
        if (match(TokenType.RPAREN)) {
            return args;
        }
        args.add(expression());
        while (match(TokenType.COMMA)) {
            args.add(expression());
        }
        close(open, "'" + name.value() + "('", true);
        return args;
    }

    private Node dateLiteral(Token name) {
        String usage = "date() takes one date in quotes, as in date('2024-03-01')";
        advance();
        Token text = peek();
        if (text.type() != TokenType.TEXT) {
            throw error(ParseErrorCode.INVALID_DATE, usage, text);
        }
        advance();
        LocalDate date;
        try {
            date = LocalDate.parse(text.value(), ISO_DATE);
        } catch (DateTimeParseException e) {
            throw error(ParseErrorCode.INVALID_DATE, "'" + text.value() + "' is not a valid date: write YYYY-MM-DD, as in date('2024-03-01')", text);
        }
        if (peek().type() != TokenType.RPAREN) {
            throw error(ParseErrorCode.INVALID_DATE, usage, peek());
        }
        Token close = advance();
        return new Node.Literal(Value.date(date), name.start(), close.end());
    }

    private Node quantifier(Token name, boolean every) {
        String usage = name.value() + "() is written " + name.value() + "(x in LIST : condition), as in "
                + name.value() + "(d in TACE.tace_session.date : d >= BASELINE.enrolment.consent_date)";
        Token open = advance();
        Token variable = peek();
        if (variable.type() != TokenType.IDENTIFIER || peek(1).type() != TokenType.IN) {
            throw error(ParseErrorCode.INVALID_QUANTIFIER, usage, variable);
        }
        if (locals.containsKey(variable.value())) {
            throw error(ParseErrorCode.INVALID_QUANTIFIER, "'" + variable.value()
                    + "' is already the variable of an enclosing every() or some(): choose another name", variable);
        }
        advance();
        advance();
        Node list = expression();
        if (peek().type() != TokenType.COLON) {
            throw error(ParseErrorCode.INVALID_QUANTIFIER, usage + "; expected ':' but found " + peek().describe(), peek());
        }
        advance();
        int slot = localCount++;
        locals.put(variable.value(), new Node.LocalRef(variable.value(), slot, list, variable.start(), variable.end()));
        Node condition;
        try {
            condition = expression();
        } finally {
            locals.remove(variable.value());
        }
        Token close = close(open, "'" + name.value() + "('", false);
        return new Node.Quantifier(every, variable.value(), slot, list, condition, name.start(), close.end());
    }

    private ParseException unknownFunction(Token name) {
        String reason = "unknown function '" + name.value() + "'";
        reason += Functions.suggest(name.value()).map(s -> " \u2014 did you mean '" + s + "'?").orElse("");
        return error(ParseErrorCode.UNKNOWN_FUNCTION, reason, name);
    }

    /** Expects ')' closing {@code open}; {@code list} when a ',' could also come next. */
    private Token close(Token open, String what, boolean list) {
        Token t = peek();
        if (t.type() == TokenType.RPAREN) {
            return advance();
        }
        String where = "the " + what + " at column " + source.column(open.start())
                + (source.line(open.start()) > 1 ? " of line " + source.line(open.start()) : "");
        if (t.type() == TokenType.END) {
            throw error(ParseErrorCode.UNEXPECTED_END, "missing ')' to close " + where, t);
        }
        String expected = list ? "expected ',' or ')'" : "expected ')'";
        throw error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected " + t.describe() + ": " + expected + " to close " + where, t);
    }

    /** A value was expected at {@code t}. */
    private ParseException missingValue(Token t) {
        if (t.type() == TokenType.END) {
            Token before = previous();
            return error(ParseErrorCode.UNEXPECTED_END, "the expression ends after " + before.describe()
                    + ": a value is missing", t);
        }
        if (t.type() == TokenType.RPAREN || t.type() == TokenType.COMMA) {
            return error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected " + t.describe() + ": a value is missing before it", t);
        }
        if (t.type().isComparison() || t.type() == TokenType.AND || t.type() == TokenType.OR
                || t.type() == TokenType.STAR || t.type() == TokenType.SLASH || t.type() == TokenType.CARET
                || t.type() == TokenType.PLUS) {
            return error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected " + t.describe() + ": a value is missing before it", t);
        }
        return error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected " + t.describe(), t);
    }

    /** A complete value was followed by something that cannot continue it. */
    private ParseException unexpectedAfterValue(Token t) {
        if (t.type() == TokenType.RPAREN) {
            return error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected ')': there is no '(' for it to close", t);
        }
        if (t.type() == TokenType.COMMA) {
            return error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected ',': commas only separate function arguments and 'in' lists", t);
        }
        return error(ParseErrorCode.UNEXPECTED_TOKEN, "unexpected " + t.describe()
                + ": an operator such as 'and', '=' or '+' is missing before it", t);
    }

    private static boolean isNullLiteral(Node node) {
        return node instanceof Node.Literal literal && literal.value.isNull();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token previous() {
        return tokens.get(Math.max(0, index - 1));
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.type() != TokenType.END) {
            index++;
        }
        return t;
    }

    private boolean match(TokenType type) {
        if (peek().type() == type) {
            index++;
            return true;
        }
        return false;
    }

    private ParseException error(ParseErrorCode code, String reason, Token at) {
        return new ParseException(code, reason, source, at.start());
    }
}
