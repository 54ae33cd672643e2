package io.kava.api.patch;

/**
 * A patch could not be applied. {@link #code()} is the HTTP status the Kubernetes API server
 * answers with for the same failure: 400 for a malformed patch, 413 for too many JSON Patch
 * operations, 422 when a well-formed patch does not apply (missing path, failed test, list of
 * lists), 500 for the strategic-merge errors Kubernetes does not classify (e.g. a missing merge
 * key).
 */
public final class PatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  public PatchException(int code, String message) {
    super(message);
    this.code = code;
  }

  static PatchException badRequest(String message) {
    return new PatchException(400, message);
  }

  static PatchException unprocessable(String message) {
    return new PatchException(422, message);
  }

  static PatchException internal(String message) {
    return new PatchException(500, message);
  }

  /** HTTP status: 400, 413, 422 or 500. */
  public int code() {
    return code;
  }
}
