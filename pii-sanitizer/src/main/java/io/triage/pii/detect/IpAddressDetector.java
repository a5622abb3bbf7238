package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IPv4 addresses with valid octets and IPv6 addresses in every RFC 4291 / RFC 5952 form: full, compressed with one
 * {@code ::}, with an embedded IPv4 tail ({@code ::ffff:192.0.2.1}), with a zone id ({@code fe80::1%eth0}), each
 * optionally with a CIDR prefix length or in brackets with a port. The whole address is one finding, so no prefix
 * or zone is left behind.
 */
public final class IpAddressDetector implements Detector {

    private static final Pattern V4 = Pattern.compile(
            "(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2}(?!\\d))?(?![\\w]|\\.\\d)");
    private static final String V4_TAIL = "\\d{1,3}(?:\\.\\d{1,3}){3}";
    private static final Pattern V6 = Pattern.compile("(?<![0-9A-Za-z:.])"
            + "(?:[0-9A-Fa-f]{1,4}|:)(?::[0-9A-Fa-f]{0,4}){1,7}(?::" + V4_TAIL + "|(?<=:)" + V4_TAIL + ")?"
            + "(?:%[0-9A-Za-z._\\-]{1,32})?(?:/\\d{1,3}(?!\\d))?(?![0-9A-Za-z:]|\\.\\d)");

    /** A hex digit or colon not preceded by a letter, digit, colon or dot. */
    private static final MatchStart V6_START = (text, index) -> {
        char c = text.charAt(index);
        boolean first = c == ':' || Character.digit(c, 16) >= 0 && c < 0x80;
        char before = index > 0 ? text.charAt(index - 1) : ' ';
        return first && !MatchStart.isAsciiLetterOrDigit(before) && before != ':' && before != '.';
    };

    private final PatternDetector v4 = new PatternDetector("ip-address", PiiType.IP_ADDRESS, V4, 0, 0.95,
            IpAddressDetector::validV4, MatchStart.DIGIT_RUN);
    private final PatternDetector v6 = new PatternDetector("ip-address", PiiType.IP_ADDRESS, V6, 0, 0.95,
            IpAddressDetector::validV6, V6_START);

    @Override
    public String name() {
        return "ip-address";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>();
        if (count(text, '.') >= 3) {
            findings.addAll(v4.detect(text));
        }
        if (count(text, ':') >= 2) {
            // The shortest IPv6 address, "::1", has two colons.
            findings.addAll(v6.detect(text));
        }
        return findings;
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int i = text.indexOf(wanted); i >= 0; i = text.indexOf(wanted, i + 1)) {
            count++;
        }
        return count;
    }

    private static boolean validV4(String address) {
        int slash = address.indexOf('/');
        String host = slash < 0 ? address : address.substring(0, slash);
        for (String octet : host.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return slash < 0 || Integer.parseInt(address.substring(slash + 1)) <= 32;
    }

    /** The address without zone and prefix length must have eight groups, or fewer with exactly one "::". */
    static boolean validV6(String candidate) {
        String address = candidate;
        int slash = address.indexOf('/');
        if (slash >= 0) {
            if (Integer.parseInt(address.substring(slash + 1)) > 128) {
                return false;
            }
            address = address.substring(0, slash);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        int lastColon = address.lastIndexOf(':');
        if (address.indexOf('.', lastColon) >= 0) {
            // An embedded IPv4 address stands for the last two groups.
            if (!validV4(address.substring(lastColon + 1))) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        return validGroups(address);
    }

    private static boolean validGroups(String address) {
        int compressed = address.indexOf("::");
        if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        if (address.equals("::")) {
            return false;
        }
        String[] groups = address.replace("::", ":x:").split(":", -1);
        int hexGroups = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.equals("x")) {
                continue;
            }
            boolean edge = i == 0 || i == groups.length - 1;
            if (group.isEmpty() && compressed >= 0 && edge) {
                continue;
            }
            if (group.isEmpty() || group.length() > 4) {
                return false;
            }
            hexGroups++;
        }
        // Without "::" all groups must be there, which keeps clock times such as 10:30:00 out.
        return compressed >= 0 ? hexGroups >= 1 && hexGroups < 8 : hexGroups == 8;
    }
}
