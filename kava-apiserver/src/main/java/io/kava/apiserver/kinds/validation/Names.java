package io.kava.apiserver.kinds.validation;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.kava.api.selector.LabelValidation;
import java.util.regex.Pattern;

/**
 * Kubernetes' string rules, each returning the messages apimachinery's {@code pkg/util/validation} gives (empty when
 * the value is valid). The messages are the {@code detail} of a field error.
 */
public final class Names {

    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final String PERCENT_FMT = "[0-9]+%";
    private static final String HTTP_HEADER_FMT = "[-A-Za-z0-9]+";
    private static final String ENV_VAR_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";

    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
    private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);
    private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);
    private static final Pattern HTTP_HEADER = Pattern.compile(HTTP_HEADER_FMT);
    private static final Pattern ENV_VAR = Pattern.compile(ENV_VAR_FMT);
    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*", Pattern.DOTALL);

    private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and"
            + " must start and end with an alphanumeric character";

    private Names() {
    }

    /** RFC 1123 label: container, port and volume names, namespaces. */
    public static List<String> dns1123Label(String value) {
        return LabelValidation.dns1123LabelErrors(value);
    }

    /** RFC 1123 subdomain: most object names. */
    public static List<String> dns1123Subdomain(String value) {
        return LabelValidation.dns1123SubdomainErrors(value);
    }

    /** RFC 1035 label: Service names. */
    public static List<String> dns1035Label(String value) {
        var errs = new ArrayList<String>();
        if (value.length() > 63) {
            errs.add(maxLen(63));
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errs.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start"
                    + " with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT,
                    "my-name", "abc-123"));
        }
        return errs;
    }

    /** A label key or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 chars. */
    public static List<String> qualifiedName(String value) {
        return LabelValidation.qualifiedNameErrors(value);
    }

    /** A label value: empty, or at most 63 chars of alphanumerics, '-', '_', '.'. */
    public static List<String> labelValue(String value) {
        return LabelValidation.labelValueErrors(value);
    }

    /** An IANA service name: container and service port names. */
    public static List<String> portName(String port) {
        var errs = new ArrayList<String>();
        if (port.length() > 15) {
            errs.add(maxLen(15));
        }
        if (!PORT_NAME_CHARSET.matcher(port).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!HAS_LETTER.matcher(port).matches()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    /** A port number, 1 to 65535. */
    public static List<String> portNumber(long port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of(inclusiveRange(1, 65535));
    }

    /**
     * An environment variable name under RelaxedEnvironmentVariableValidation (beta and on in Kubernetes 1.32-1.33,
     * GA in 1.34): printable ASCII other than '='.
     */
    public static List<String> relaxedEnvVarName(String value) {
        var errs = new ArrayList<String>();
        if (value.isEmpty()) {
            errs.add("environment variable name must be non-empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 126 || c < 32 || c == '=') {
                errs.add("a valid environment variable name must consist only of printable ASCII characters other"
                        + " than '='");
                break;
            }
        }
        return errs;
    }

    /** The strict (pre-1.32) environment variable name rule, kept for {@code envFrom} prefixes of old clients. */
    public static List<String> envVarName(String value) {
        var errs = new ArrayList<String>();
        if (!ENV_VAR.matcher(value).matches()) {
            errs.add(regexError("a valid environment variable name must consist of alphabetic characters, digits,"
                    + " '_', '-', or '.', and must not start with a digit", ENV_VAR_FMT, "my.env-name",
                    "MY_ENV.NAME", "MyEnvName1"));
        }
        errs.addAll(chDirPrefix(value));
        return errs;
    }

    /** A ConfigMap or Secret key. */
    public static List<String> configMapKey(String value) {
        var errs = new ArrayList<String>();
        if (value.length() > 253) {
            errs.add(maxLen(253));
        }
        if (!CONFIG_MAP_KEY.matcher(value).matches()) {
            errs.add(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
        }
        errs.addAll(chDirPrefix(value));
        return errs;
    }

    /** A percentage such as {@code 25%}. */
    public static List<String> percent(String value) {
        return PERCENT.matcher(value).matches() ? List.of()
                : List.of(regexError("a valid percent string must be a numeric string followed by an ending '%'",
                PERCENT_FMT, "1%", "93%"));
    }

    /** An HTTP header name. */
    public static List<String> httpHeaderName(String value) {
        return HTTP_HEADER.matcher(value).matches() ? List.of()
                : List.of(regexError("a valid HTTP header must consist of alphanumeric characters or '-'",
                HTTP_HEADER_FMT, "X-Header-Name"));
    }

    /** An IP address in canonical form (apimachinery {@code IsValidIP}). */
    public static List<String> ip(String value) {
        InetAddress address = parseIp(value);
        if (address == null) {
            return List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }
        String canonical = canonicalIp(address);
        if (!canonical.equals(value)) {
            return List.of("must be in canonical form (\"" + canonical + "\")");
        }
        return List.of();
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal without any DNS lookup; null when it is neither. */
    public static InetAddress parseIp(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.contains(":")) {
                if (!value.matches("[0-9A-Fa-f:.]+")) {
                    return null;
                }
                return InetAddress.getByName(value) instanceof Inet6Address a ? a : null;
            }
            String[] parts = value.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!parts[i].matches("[0-9]{1,3}") || (parts[i].length() > 1 && parts[i].startsWith("0"))) {
                    return null;
                }
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Go's {@code net.IP.String()}: dotted quad, or RFC 5952 compressed lower-case IPv6. */
    public static String canonicalIp(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        var sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    public static String inclusiveRange(long lo, long hi) {
        return "must be between " + lo + " and " + hi + ", inclusive";
    }

    public static String maxLen(int length) {
        return "must be no more than " + length + " characters";
    }

    private static List<String> chDirPrefix(String value) {
        if (value.equals(".")) {
            return List.of("must not be '.'");
        }
        if (value.equals("..")) {
            return List.of("must not be '..'");
        }
        if (value.startsWith("..")) {
            return List.of("must not start with '..'");
        }
        return List.of();
    }

    private static String regexError(String msg, String fmt, String... examples) {
        var sb = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append('\'').append(examples[i]).append("', ");
        }
        return sb.append("regex used for validation is '").append(fmt).append("')").toString();
    }
}
