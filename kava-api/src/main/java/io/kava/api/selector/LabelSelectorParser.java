package io.kava.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The label selector grammar of {@code labels.Parse}, token for token, so that the accepted
 * language and the error messages are Kubernetes' own:
 *
 * <pre>
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 * </pre>
 *
 * Whitespace (space, tab, CR, LF) separates tokens. The words {@code in} and {@code notin} are
 * operators after a key but plain identifiers where a value is expected.
 */
final class LabelSelectorParser {
  enum Token {
    ERROR, END_OF_STRING, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN,
    IDENTIFIER, IN, LESS_THAN, NOT_EQUALS, NOT_IN, OPEN_PAR
  }

  record Item(Token token, String literal) {}

  private static final Map<String, Token> LITERALS = Map.ofEntries(
      Map.entry(")", Token.CLOSED_PAR),
      Map.entry(",", Token.COMMA),
      Map.entry("!", Token.DOES_NOT_EXIST),
      Map.entry("==", Token.DOUBLE_EQUALS),
      Map.entry("=", Token.EQUALS),
      Map.entry(">", Token.GREATER_THAN),
      Map.entry("in", Token.IN),
      Map.entry("<", Token.LESS_THAN),
      Map.entry("!=", Token.NOT_EQUALS),
      Map.entry("notin", Token.NOT_IN),
      Map.entry("(", Token.OPEN_PAR));

  private final List<Item> items;
  private int position;

  private LabelSelectorParser(String selector) {
    this.items = lex(selector);
  }

  /** Parses into requirements in input order (the caller sorts them by key). */
  static List<Requirement> parse(String selector) {
    return new LabelSelectorParser(selector).parse();
  }

  // ---- lexer ----------------------------------------------------------------------------

  static List<Item> lex(String s) {
    List<Item> out = new ArrayList<>();
    Lexer lexer = new Lexer(s);
    while (true) {
      Item item = lexer.next();
      out.add(item);
      if (item.token() == Token.END_OF_STRING) {
        return out;
      }
    }
  }

  private static final class Lexer {
    private final String s;
    private int pos;

    Lexer(String s) {
      this.s = s;
    }

    /** Go reads bytes and treats NUL like the end of input; so do we. */
    private char read() {
      if (pos < s.length()) {
        return s.charAt(pos++);
      }
      pos++;
      return 0;
    }

    private void unread() {
      pos--;
    }

    Item next() {
      char ch = read();
      while (isWhitespace(ch)) {
        ch = read();
      }
      if (ch == 0) {
        return new Item(Token.END_OF_STRING, "");
      }
      unread();
      return isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
    }

    private Item scanIdOrKeyword() {
      StringBuilder buffer = new StringBuilder();
      while (true) {
        char ch = read();
        if (ch == 0) {
          break;
        }
        if (isSpecialSymbol(ch) || isWhitespace(ch)) {
          unread();
          break;
        }
        buffer.append(ch);
      }
      String word = buffer.toString();
      Token token = LITERALS.get(word);
      return new Item(token != null ? token : Token.IDENTIFIER, word);
    }

    /** Longest run of special symbols that still forms a known operator. */
    private Item scanSpecialSymbol() {
      Item last = null;
      StringBuilder buffer = new StringBuilder();
      while (true) {
        char ch = read();
        if (ch == 0) {
          break;
        }
        if (!isSpecialSymbol(ch)) {
          unread();
          break;
        }
        buffer.append(ch);
        Token token = LITERALS.get(buffer.toString());
        if (token != null) {
          last = new Item(token, buffer.toString());
        } else if (last != null) {
          unread();
          break;
        }
      }
      if (last == null) {
        return new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'");
      }
      return last;
    }

    private static boolean isWhitespace(char ch) {
      return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    private static boolean isSpecialSymbol(char ch) {
      return switch (ch) {
        case '=', '!', '(', ')', ',', '>', '<' -> true;
        default -> false;
      };
    }
  }

  // ---- parser ---------------------------------------------------------------------------

  /** In a value position the keywords {@code in}/{@code notin} are ordinary identifiers. */
  private static Item asValue(Item item) {
    if (item.token() == Token.IN || item.token() == Token.NOT_IN) {
      return new Item(Token.IDENTIFIER, item.literal());
    }
    return item;
  }

  private Item lookahead() {
    return asValue(items.get(position));
  }

  private Item consume() {
    return asValue(items.get(position++));
  }

  private Item consumeKeyword() {
    return items.get(position++);
  }

  private List<Requirement> parse() {
    List<Requirement> requirements = new ArrayList<>();
    while (true) {
      Item next = lookahead();
      switch (next.token()) {
        case IDENTIFIER, DOES_NOT_EXIST -> {
          Requirement r;
          try {
            r = parseRequirement();
          } catch (SelectorException e) {
            throw new SelectorException("unable to parse requirement: " + e.getMessage());
          }
          requirements.add(r);
          Item after = consume();
          switch (after.token()) {
            case END_OF_STRING -> {
              return requirements;
            }
            case COMMA -> {
              Item following = lookahead();
              if (following.token() != Token.IDENTIFIER
                  && following.token() != Token.DOES_NOT_EXIST) {
                throw new SelectorException(
                    "found '" + following.literal() + "', expected: identifier after ','");
              }
            }
            default -> throw new SelectorException(
                "found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
        }
        case END_OF_STRING -> {
          return requirements;
        }
        default -> throw new SelectorException(
            "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private Requirement parseRequirement() {
    Operator operator = null;
    Item item = consume();
    if (item.token() == Token.DOES_NOT_EXIST) {
      operator = Operator.DOES_NOT_EXIST;
      item = consume();
    }
    if (item.token() != Token.IDENTIFIER) {
      throw new SelectorException("found '" + item.literal() + "', expected: identifier");
    }
    String key = item.literal();
    List<String> keyErrs = LabelValidation.qualifiedNameErrors(key);
    if (!keyErrs.isEmpty()) {
      FieldErrors errs = new FieldErrors();
      errs.invalid("<nil>", key, String.join("; ", keyErrs));
      errs.throwIfAny();
    }
    Token next = lookahead().token();
    if (next == Token.END_OF_STRING || next == Token.COMMA) {
      if (operator != Operator.DOES_NOT_EXIST) {
        operator = Operator.EXISTS;
      }
    }
    if (operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST) {
      return Requirement.of(key, operator, List.of());
    }
    operator = parseOperator();
    TreeSet<String> values = switch (operator) {
      case IN, NOT_IN -> parseValues();
      default -> parseExactValue();
    };
    return Requirement.of(key, operator, values);
  }

  private Operator parseOperator() {
    Item item = consumeKeyword();
    return switch (item.token()) {
      case IN -> Operator.IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case LESS_THAN -> Operator.LESS_THAN;
      case NOT_IN -> Operator.NOT_IN;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      default -> throw new SelectorException(
          "found '" + item.literal() + "', expected: " + Operator.binaryOperatorList());
    };
  }

  private TreeSet<String> parseValues() {
    Item item = consume();
    if (item.token() != Token.OPEN_PAR) {
      throw new SelectorException("found '" + item.literal() + "' expected: '('");
    }
    Item next = lookahead();
    switch (next.token()) {
      case IDENTIFIER, COMMA -> {
        TreeSet<String> values = parseIdentifiersList();
        if (consume().token() != Token.CLOSED_PAR) {
          throw new SelectorException("found '" + next.literal() + "', expected: ')'");
        }
        return values;
      }
      case CLOSED_PAR -> {
        consume();
        TreeSet<String> values = new TreeSet<>();
        values.add("");
        return values;
      }
      default -> throw new SelectorException(
          "found '" + next.literal() + "', expected: ',', ')' or identifier");
    }
  }

  private TreeSet<String> parseIdentifiersList() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Item item = consume();
      switch (item.token()) {
        case IDENTIFIER -> {
          values.add(item.literal());
          Item next = lookahead();
          switch (next.token()) {
            case COMMA -> {
              // keep going
            }
            case CLOSED_PAR -> {
              return values;
            }
            default -> throw new SelectorException(
                "found '" + next.literal() + "', expected: ',' or ')'");
          }
        }
        case COMMA -> {
          if (values.isEmpty()) {
            values.add(""); // "(,"
          }
          Token next = lookahead().token();
          if (next == Token.CLOSED_PAR) {
            values.add(""); // ",)"
            return values;
          }
          if (next == Token.COMMA) {
            values.add(""); // ",,"
          }
        }
        default -> throw new SelectorException(
            "found '" + item.literal() + "', expected: ',', or identifier");
      }
    }
  }

  private TreeSet<String> parseExactValue() {
    TreeSet<String> values = new TreeSet<>();
    Token next = lookahead().token();
    if (next == Token.END_OF_STRING || next == Token.COMMA) {
      values.add("");
      return values;
    }
    Item item = consume();
    if (item.token() == Token.IDENTIFIER) {
      values.add(item.literal());
      return values;
    }
    throw new SelectorException("found '" + item.literal() + "', expected: identifier");
  }
}
