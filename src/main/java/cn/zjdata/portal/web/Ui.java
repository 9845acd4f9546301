package cn.zjdata.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a page needs to know about the request it answers, available to every template as {@code {inject:ui}}:
 * the language the reader chose (the {@code lang} query parameter, then the {@code lang} cookie it sets,
 * then Accept-Language on a first visit, then Chinese), the page's own address, and the asset URLs.
 */
@RequestScoped
@Named("ui")
public class Ui {

    public static final String ZH = "zh";
    public static final String EN = "en";
    public static final String COOKIE = "lang";
    public static final String PARAMETER = "lang";

    private final HttpServerRequest request;
    private final Assets assets;
    private String lang;

    public Ui(HttpServerRequest request, Assets assets) {
        this.request = request;
        this.assets = assets;
    }

    /** "zh" or "en". */
    public String lang() {
        if (lang == null) {
            lang = resolve(request.getParam(PARAMETER), cookie(), request.getHeader("Accept-Language"));
        }
        return lang;
    }

    public boolean en() {
        return EN.equals(lang());
    }

    public Locale locale() {
        return en() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The value of the {@code lang} attribute of the page: "zh-CN" or "en". */
    public String htmlLang() {
        return htmlLang(lang());
    }

    public String otherLang() {
        return en() ? ZH : EN;
    }

    public String otherHtmlLang() {
        return htmlLang(otherLang());
    }

    public static String htmlLang(String lang) {
        return EN.equals(lang) ? "en" : "zh-CN";
    }

    /** This page in the other language (the link also sets the cookie, so the choice persists). */
    public String switchHref() {
        return hrefIn(otherLang());
    }

    /** This page with {@code lang} set to the given language. */
    public String hrefIn(String language) {
        return withParameter(PARAMETER, language);
    }

    /** This page's path, e.g. "/datasets". */
    public String path() {
        return request.path();
    }

    /** Whether the page is in the given section of the site (for aria-current in the navigation). */
    public boolean in(String section) {
        String path = request.path();
        return path.equals("/" + section) || path.startsWith("/" + section + "/");
    }

    /** This page's URL with one query parameter replaced (or removed when value is null), others kept. */
    public String withParameter(String name, String value) {
        // Repeated parameters (theme=A&theme=B, the search page's filters) are all kept, in order.
        java.util.List<Map.Entry<String, String>> kept = new java.util.ArrayList<>();
        request.params().forEach(e -> {
            if (!e.getKey().equals(name) && !e.getKey().equals(PARAMETER)) {
                kept.add(Map.entry(e.getKey(), e.getValue()));
            }
        });
        String query = kept.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (value != null) {
            query = (query.isEmpty() ? "" : query + "&") + encode(name) + "=" + encode(value);
        }
        return request.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** The fingerprinted URL of a static asset, e.g. asset('app.css') → /assets/app.3f9a0c21d4.css. */
    public String asset(String name) {
        return assets.url(name);
    }

    private String cookie() {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** The reader's language: an explicit choice, then the remembered one, then the browser's preference. */
    static String resolve(String parameter, String cookie, String acceptLanguage) {
        for (String explicit : new String[]{parameter, cookie}) {
            if (ZH.equals(explicit) || EN.equals(explicit)) {
                return explicit;
            }
        }
        return fromAcceptLanguage(acceptLanguage);
    }

    /** The first of zh / en in the Accept-Language preference order (RFC 9110 §12.5.4); Chinese when neither. */
    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String primary = range.getRange().split("-")[0];
                if (primary.equals("zh")) {
                    return ZH;
                }
                if (primary.equals("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ZH;
        }
        return ZH;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
