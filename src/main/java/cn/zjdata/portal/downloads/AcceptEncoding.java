package cn.zjdata.portal.downloads;

import java.util.Locale;

/** Reads an Accept-Encoding header (RFC 9110 §12.5.3) far enough to know whether gzip is welcome. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    static boolean acceptsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = q;
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        double weight = gzip != null ? gzip : any != null ? any : 0;
        return weight > 0;
    }
}
