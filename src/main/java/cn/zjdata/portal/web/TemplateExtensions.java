package cn.zjdata.portal.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display helpers for templates, so a template never formats values itself. */
@TemplateExtension
public class TemplateExtensions {

    /** The portal's dates are Zhejiang's (China Standard Time). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** "2026年11月23日" or "23 Nov 2026". */
    static String date(Instant instant, String lang) {
        return instant == null ? "" : (Ui.EN.equals(lang) ? EN_DATE : ZH_DATE).format(instant.atZone(ZONE));
    }

    /** "2026年11月23日 18:45" or "23 Nov 2026, 18:45" (China Standard Time). */
    static String dateTime(Instant instant, String lang) {
        return instant == null ? "" : (Ui.EN.equals(lang) ? EN_TIME : ZH_TIME).format(instant.atZone(ZONE));
    }

    /** The text percent-encoded for a query parameter value. */
    static String urlEncode(String text) {
        return Ui.encode(text);
    }

    /** The start of a text, cut at a character boundary with an ellipsis when longer than {@code max}. */
    static String excerpt(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text == null ? "" : text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)).stripTrailing() + "…";
    }
}
