package cn.zjdata.portal.staff;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file name a client gave in a Content-Disposition header (RFC 6266: filename* preferred). */
final class DispositionFileName {

    private static final Pattern EXTENDED = Pattern.compile("filename\\*\\s*=\\s*(?i:utf-8)''([^;]+)");
    private static final Pattern PLAIN = Pattern.compile("filename\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]+)");

    private DispositionFileName() {
    }

    static String of(String header) {
        if (header == null) {
            return null;
        }
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            try {
                return URLDecoder.decode(extended.group(1).strip().replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return extended.group(1);
            }
        }
        Matcher plain = PLAIN.matcher(header);
        if (plain.find()) {
            return plain.group(2) != null ? plain.group(2).replaceAll("\\\\(.)", "$1") : plain.group(1);
        }
        return null;
    }
}
