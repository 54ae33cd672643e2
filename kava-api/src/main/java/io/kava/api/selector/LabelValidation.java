package io.kava.api.selector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' syntax rules for label keys ("qualified names"), label values and DNS-1123 names,
 * with the exact error texts of {@code k8s.io/apimachinery/pkg/util/validation} (v0.33). Each
 * method returns the list of problems; an empty list means valid.
 */
public final class LabelValidation {
  static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";

  private static final String QUALIFIED_NAME_ERR =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_ERR =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_LABEL_ERR =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_ERR =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";

  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
  public static final int LABEL_VALUE_MAX_LENGTH = 63;
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

  private LabelValidation() {}

  /** Label keys, annotation keys and the like: {@code [prefix/]name} (Go {@code IsQualifiedName}). */
  public static List<String> qualifiedNameErrors(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1 -> name = parts[0];
      case 2 -> {
        String prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
          errs.add("prefix part " + emptyError());
        } else {
          for (String msg : dns1123SubdomainErrors(prefix)) {
            errs.add("prefix part " + msg);
          }
        }
      }
      default -> {
        errs.add("a qualified name "
            + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part " + emptyError());
    } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part "
          + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** Label values: empty, or up to 63 alphanumerics, '-', '_', '.' (Go {@code IsValidLabelValue}). */
  public static List<String> labelValueErrors(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
      errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** DNS-1123 subdomains (most object names, label key prefixes). */
  public static List<String> dns1123SubdomainErrors(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** DNS-1123 labels (namespace names, service names, ...). */
  public static List<String> dns1123LabelErrors(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  static String emptyError() {
    return "must be non-empty";
  }

  static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** Go {@code RegexError}, including its quirky {@code ",  or "} spacing. */
  static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  private static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
