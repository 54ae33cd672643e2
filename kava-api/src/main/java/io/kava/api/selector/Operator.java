package io.kava.api.selector;

/**
 * A selector operator, as {@code k8s.io/apimachinery/pkg/selection.Operator}. {@link #value()} is
 * the string Kubernetes uses for it in error messages.
 */
public enum Operator {
  IN("in"),
  NOT_IN("notin"),
  EQUALS("="),
  DOUBLE_EQUALS("=="),
  NOT_EQUALS("!="),
  GREATER_THAN("gt"),
  LESS_THAN("lt"),
  EXISTS("exists"),
  DOES_NOT_EXIST("!");

  private final String value;

  Operator(String value) {
    this.value = value;
  }

  /** The Kubernetes spelling of this operator ({@code "in"}, {@code "="}, {@code "gt"}, ...). */
  public String value() {
    return value;
  }

  /** The binary operators, in the order Kubernetes lists them in "expected: ..." messages. */
  static String binaryOperatorList() {
    return "in, notin, =, ==, !=, gt, lt";
  }
}
