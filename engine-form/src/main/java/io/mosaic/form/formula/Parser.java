package io.mosaic.form.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hand-written tokenizer and recursive-descent parser. Grammar, loosest binding first:
 * <pre>
 * formula    = comparison
 * comparison = concat { ("=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") concat }
 * concat     = sum { "&amp;" sum }
 * sum        = product { ("+" | "-") product }
 * product    = unary { ("*" | "/") unary }
 * unary      = "-" unary | primary
 * primary    = number | string | TRUE | FALSE | NULL | path | FUNCTION "(" [ formula { "," formula } ] ")" | "(" formula ")"
 * path       = name { "." name }
 * </pre>
 * formula.js implements the same grammar with the same error positions.
 */
final class Parser {

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,47}$");

    private enum Kind { NUMBER, STRING, NAME, OPERATOR, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, int position) {
    }

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int depth;
    private final List<Lookup> lookups = new ArrayList<>();

    Parser(String text) {
        if (text == null) {
            throw new FormulaException(FormulaException.Code.SYNTAX, 0, "The formula is empty");
        }
        if (text.length() > Formula.MAX_LENGTH) {
            throw new FormulaException(FormulaException.Code.TOO_LONG, Formula.MAX_LENGTH,
                    "A formula may be at most " + Formula.MAX_LENGTH + " characters long");
        }
        this.text = text;
        this.tokens = tokenize(text);
        if (tokens.size() == 1) {
            throw new FormulaException(FormulaException.Code.SYNTAX, 0, "The formula is empty");
        }
    }

    Expression parse() {
        Node root = formula();
        Token trailing = peek();
        if (trailing.kind != Kind.END) {
            throw unexpected(trailing);
        }
        Set<String> references = new LinkedHashSet<>();
        root.collectReferences(references);
        return new Expression(text, root, references, lookups);
    }

    /** Counted on the way down so that hostile nesting is refused long before the stack runs out. */
    private void deeper(int position) {
        if (++depth > Formula.MAX_DEPTH) {
            throw new FormulaException(FormulaException.Code.TOO_DEEP, position,
                    "A formula may nest at most " + Formula.MAX_DEPTH + " levels deep");
        }
    }

    private Node formula() {
        deeper(peek().position);
        Node node = binary(0);
        depth--;
        return node;
    }

    /** One precedence level of left-associative infix operators (see {@link Operator#level}). */
    private Node binary(int level) {
        if (level == Operator.LEVELS) {
            return unary();
        }
        Node left = binary(level + 1);
        while (true) {
            Token token = peek();
            Operator operator = token.kind == Kind.OPERATOR ? Operator.of(token.text, level) : null;
            if (operator == null) {
                return left;
            }
            next++;
            left = new Node.Binary(token.position, operator, left, binary(level + 1));
        }
    }

    private Node unary() {
        Token token = peek();
        if (token.kind == Kind.OPERATOR && token.text.equals("-")) {
            next++;
            deeper(token.position);
            Node operand = unary();
            depth--;
            return new Node.Negation(token.position, operand);
        }
        return primary();
    }

    private Node primary() {
        Token token = peek();
        next++;
        switch (token.kind) {
            case NUMBER:
                return new Node.Literal(token.position, Values.number(new BigDecimal(token.text)));
            case STRING:
                return new Node.Literal(token.position, token.text);
            case OPEN: {
                Node inner = formula();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            case NAME:
                return peek().kind == Kind.OPEN ? call(token) : name(token);
            default:
                next--;
                throw unexpected(token);
        }
    }

    private Node name(Token token) {
        return switch (token.text.toUpperCase(Locale.ROOT)) {
            case "TRUE" -> new Node.Literal(token.position, Boolean.TRUE);
            case "FALSE" -> new Node.Literal(token.position, Boolean.FALSE);
            case "NULL" -> new Node.Literal(token.position, null);
            default -> new Node.Reference(token.position, token.text);
        };
    }

    private Node call(Token name) {
        if (name.text.contains(".")) {
            throw new FormulaException(FormulaException.Code.SYNTAX, name.position, "'" + name.text
                    + "' is a field, not a function: only the built-in functions can be called");
        }
        Function function = Function.named(name.text);
        if (function == null) {
            throw new FormulaException(FormulaException.Code.UNKNOWN_FUNCTION, name.position,
                    "There is no function " + name.text);
        }
        next++;
        List<Node> arguments = new ArrayList<>();
        if (peek().kind != Kind.CLOSE) {
            do {
                arguments.add(formula());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.CLOSE, "',' or ')'");
        String arityProblem = function.arityProblem(arguments.size());
        if (arityProblem != null) {
            throw new FormulaException(FormulaException.Code.ARITY, name.position, arityProblem);
        }
        if (function == Function.LOOKUP) {
            lookups.add(lookup(name.position, arguments));
        }
        return new Node.Call(name.position, function, arguments);
    }

    /**
     * The form, field and key fields of a LOOKUP must be written as text (keys, as the app's definitions name them):
     * what a formula reads of other forms is then known, and checked, before it runs.
     */
    private static Lookup lookup(int position, List<Node> arguments) {
        List<String> keys = new ArrayList<>();
        for (int i = 2; i < arguments.size(); i += 2) {
            keys.add(lookupKey(arguments.get(i), "key field " + (i / 2)));
        }
        return new Lookup(lookupKey(arguments.get(0), "form"), lookupKey(arguments.get(1), "field"), keys, position);
    }

    private static String lookupKey(Node argument, String what) {
        if (argument instanceof Node.Literal literal && literal.value() instanceof String key && KEY.matcher(key).matches()) {
            return key;
        }
        throw new FormulaException(FormulaException.Code.SYNTAX, argument.position, "LOOKUP's " + what
                + " must be a key written as text, such as \"price_list\"");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(Kind kind) {
        if (peek().kind == kind) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        if (!accept(kind)) {
            Token found = peek();
            throw new FormulaException(FormulaException.Code.SYNTAX, found.position, "Expected " + what + " but found "
                    + describe(found));
        }
    }

    private static FormulaException unexpected(Token token) {
        return new FormulaException(FormulaException.Code.SYNTAX, token.position, "Unexpected " + describe(token));
    }

    private static String describe(Token token) {
        return switch (token.kind) {
            case END -> "the end of the formula";
            case STRING -> "text \"" + token.text + "\"";
            default -> "'" + token.text + "'";
        };
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (isDigit(c) || c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
                while (i < text.length() && isDigit(text.charAt(i))) i++;
                if (i < text.length() && text.charAt(i) == '.') {
                    i++;
                    while (i < text.length() && isDigit(text.charAt(i))) i++;
                }
                if (i < text.length() && isNameStart(text.charAt(i))) {
                    throw new FormulaException(FormulaException.Code.SYNTAX, i, "Unexpected '" + text.charAt(i)
                            + "' after the number " + text.substring(start, i));
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (isNameStart(c)) {
                i = nameEnd(text, i);
                while (i + 1 < text.length() && text.charAt(i) == '.' && isNameStart(text.charAt(i + 1))) {
                    i = nameEnd(text, i + 1);
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new FormulaException(FormulaException.Code.SYNTAX, start, "Text that starts here has no closing '\"'");
                    }
                    if (text.charAt(i) == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(text.charAt(i++));
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), start));
                i++;
            } else if ("+-*/&=<>".indexOf(c) >= 0) {
                i++;
                if (c == '<' && i < text.length() && (text.charAt(i) == '=' || text.charAt(i) == '>')
                        || c == '>' && i < text.length() && text.charAt(i) == '=') {
                    i++;
                }
                tokens.add(new Token(Kind.OPERATOR, text.substring(start, i), start));
            } else {
                throw new FormulaException(FormulaException.Code.SYNTAX, start, "Unexpected character '"
                        + text.substring(start, text.offsetByCodePoints(start, 1)) + "'");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    private static int nameEnd(String text, int i) {
        while (i < text.length() && (isNameStart(text.charAt(i)) || isDigit(text.charAt(i)))) i++;
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}
