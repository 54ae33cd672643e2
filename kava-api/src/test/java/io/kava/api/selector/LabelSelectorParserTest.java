package io.kava.api.selector;

import static io.kava.api.selector.LabelSelectorParser.Token.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kava.api.selector.LabelSelectorParser.Item;
import io.kava.api.selector.LabelSelectorParser.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code TestLexer} and {@code TestLexerSequence}. */
class LabelSelectorParserTest {

  @Test
  void singleTokens() {
    Object[][] cases = {
        {"", END_OF_STRING}, {",", COMMA}, {"notin", NOT_IN}, {"in", IN}, {"=", EQUALS},
        {"==", DOUBLE_EQUALS}, {">", GREATER_THAN}, {"<", LESS_THAN}, {"!", DOES_NOT_EXIST},
        {"!=", NOT_EQUALS}, {"(", OPEN_PAR}, {")", CLOSED_PAR}, {"~", IDENTIFIER},
        {"||", IDENTIFIER},
    };
    for (Object[] c : cases) {
      Item first = LabelSelectorParser.lex((String) c[0]).get(0);
      assertThat(first.token()).as((String) c[0]).isEqualTo(c[1]);
      assertThat(first.literal()).isEqualTo(c[0]);
    }
  }

  @Test
  void sequences() {
    assertTokens("key in ( value )", IDENTIFIER, IN, OPEN_PAR, IDENTIFIER, CLOSED_PAR);
    assertTokens("key notin ( value )", IDENTIFIER, NOT_IN, OPEN_PAR, IDENTIFIER, CLOSED_PAR);
    assertTokens("key in ( value1, value2 )",
        IDENTIFIER, IN, OPEN_PAR, IDENTIFIER, COMMA, IDENTIFIER, CLOSED_PAR);
    assertTokens("key", IDENTIFIER);
    assertTokens("!key", DOES_NOT_EXIST, IDENTIFIER);
    assertTokens("()", OPEN_PAR, CLOSED_PAR);
    assertTokens("x in (),y", IDENTIFIER, IN, OPEN_PAR, CLOSED_PAR, COMMA, IDENTIFIER);
    assertTokens("== != (), = notin",
        DOUBLE_EQUALS, NOT_EQUALS, OPEN_PAR, CLOSED_PAR, COMMA, EQUALS, NOT_IN);
    assertTokens("key>2", IDENTIFIER, GREATER_THAN, IDENTIFIER);
    assertTokens("key<1", IDENTIFIER, LESS_THAN, IDENTIFIER);
    assertTokens("key<=1", IDENTIFIER, LESS_THAN, EQUALS, IDENTIFIER);
    assertTokens("!=!", NOT_EQUALS, DOES_NOT_EXIST);
  }

  private static void assertTokens(String in, Token... expected) {
    List<Token> tokens = LabelSelectorParser.lex(in).stream().map(Item::token).toList();
    assertThat(tokens.subList(0, tokens.size() - 1)).as(in).containsExactly(expected);
    assertThat(tokens.get(tokens.size() - 1)).isEqualTo(END_OF_STRING);
  }
}
