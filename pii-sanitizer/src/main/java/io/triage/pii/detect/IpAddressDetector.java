package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** IPv4 addresses with valid octets and IPv6 addresses (full or with one {@code ::}). */
public final class IpAddressDetector implements Detector {

    private static final Pattern V4 = Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w]|\\.\\d)");
    private static final Pattern V6 = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f:]{2,39}(?![0-9A-Za-z:])");

    private final PatternDetector v4 = new PatternDetector("ip-address", PiiType.IP_ADDRESS, V4, 0, 0.95,
            IpAddressDetector::validV4);
    private final PatternDetector v6 = new PatternDetector("ip-address", PiiType.IP_ADDRESS, V6, 0, 0.95,
            IpAddressDetector::validV6);

    @Override
    public String name() {
        return "ip-address";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>(v4.detect(text));
        if (text.indexOf(':') >= 0) {
            findings.addAll(v6.detect(text));
        }
        return findings;
    }

    private static boolean validV4(String address) {
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean validV6(String address) {
        int compressed = address.indexOf("::");
        if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String[] groups = address.replace("::", ":x:").split(":", -1);
        int hexGroups = 0;
        for (String group : groups) {
            if (group.equals("x")) {
                continue;
            }
            if (group.isEmpty() && compressed >= 0 && (address.startsWith("::") || address.endsWith("::"))) {
                continue;
            }
            if (group.isEmpty() || group.length() > 4) {
                return false;
            }
            hexGroups++;
        }
        // Without "::" all eight groups must be there, which keeps clock times such as 10:30:00 out.
        return compressed >= 0 ? hexGroups >= 2 && hexGroups < 8 : hexGroups == 8;
    }
}
