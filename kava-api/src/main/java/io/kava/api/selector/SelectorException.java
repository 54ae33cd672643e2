package io.kava.api.selector;

/**
 * A label or field selector could not be parsed or is invalid. The message is the one Kubernetes
 * would put into the {@code 400 BadRequest} Status (for example
 * {@code unable to parse requirement: found '', expected: '('}).
 */
public final class SelectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SelectorException(String message) {
    super(message);
  }
}
