package cn.zjdata.portal.tabular;

/** Whether a checked numeric cell is already a JSON number (RFC 8259 §6) and can be written as it is. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** -?(0|[1-9]digits)(.digits)? — the cell was already checked to be a plain decimal. */
    static boolean isJsonNumber(String text) {
        int i = text.charAt(0) == '-' ? 1 : 0;
        if (i >= text.length() || text.charAt(i) == '+' || text.charAt(i) == '.') {
            return false;
        }
        if (text.charAt(i) == '0' && i + 1 < text.length() && text.charAt(i + 1) != '.') {
            return false;
        }
        int dot = text.indexOf('.');
        return dot < 0 || dot + 1 < text.length();
    }
}
