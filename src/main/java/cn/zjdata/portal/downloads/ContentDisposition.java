package cn.zjdata.portal.downloads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An RFC 6266 attachment header with an ASCII fallback name and the UTF-8 name (RFC 8187). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String attachment(String asciiName, String utf8Name) {
        String fallback = asciiName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(safe(utf8Name), StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    /** Drops characters that file systems or headers would choke on. */
    static String safe(String name) {
        return name.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]", "_").strip();
    }
}
