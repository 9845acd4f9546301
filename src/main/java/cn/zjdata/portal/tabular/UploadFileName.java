package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;

import java.util.List;

/**
 * Checks the file name a client gave with an upload before the portal uses it anywhere (a message, a
 * stored release's metadata, a {@code Content-Disposition}). A name is refused, with a 422 on field
 * {@code fileName}, when it is missing or blank, longer than {@value #MAX_LENGTH} characters, contains a
 * path separator, is {@code .} or {@code ..}, or contains a control character or an invisible
 * bidirectional-text control (which can make {@code txt.exe} display as {@code exe.txt}).
 */
public final class UploadFileName {

    /** The longest name accepted, in characters (Unicode code points). */
    public static final int MAX_LENGTH = 255;

    private UploadFileName() {
    }

    /**
     * @return the name without surrounding whitespace
     * @throws ProblemException 422 naming what is wrong with the name
     */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw refused("the file name is empty");
        }
        String bare = name.strip();
        if (bare.codePointCount(0, bare.length()) > MAX_LENGTH) {
            throw refused("the file name is longer than " + MAX_LENGTH + " characters");
        }
        if (bare.equals(".") || bare.equals("..")) {
            throw refused("'" + bare + "' is not a file name");
        }
        for (int i = 0; i < bare.length(); ) {
            int c = bare.codePointAt(i);
            if (c == '/' || c == '\\') {
                throw refused("the file name must not contain a path separator ('" + (char) c + "'); give the name alone");
            }
            if (Character.getType(c) == Character.CONTROL || isBidiControl(c)) {
                throw refused(String.format("the file name contains the invisible control character U+%04X", c));
            }
            i += Character.charCount(c);
        }
        return bare;
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static ProblemException refused(String message) {
        return new ProblemException(422, UploadProblems.TYPE, UploadProblems.TITLE, "The upload's file name is not acceptable: "
                + message, List.of(FieldError.of("fileName", message)));
    }
}
