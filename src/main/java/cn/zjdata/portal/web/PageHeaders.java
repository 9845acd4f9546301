package cn.zjdata.portal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every answer carries: no MIME sniffing and a strict referrer policy; HTML pages also get a
 * Content-Security-Policy that allows only the portal's own scripts and styles (no inline script, no
 * inline style), may not be framed, and vary on what chooses their language (the lang cookie and
 * Accept-Language); pages are revalidated on every use, as a publish can change any of them.
 */
public class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** One year: the choice of language is the reader's until they change it. */
    static final int LANGUAGE_COOKIE_AGE = 365 * 24 * 3600;

    /** A page asked for with ?lang=zh|en remembers the choice in a cookie, so the next pages follow it. */
    static void rememberLanguage(ContainerRequestContext request, MultivaluedMap<String, Object> headers) {
        String lang = request.getUriInfo().getQueryParameters().getFirst(Ui.PARAMETER);
        if (Ui.ZH.equals(lang) || Ui.EN.equals(lang)) {
            boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
            headers.add("Set-Cookie", Ui.COOKIE + "=" + lang + "; Path=/; Max-Age=" + LANGUAGE_COOKIE_AGE
                    + "; SameSite=Lax; HttpOnly" + (secure ? "; Secure" : ""));
        }
    }

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.putSingle("X-Frame-Options", "DENY");
            java.util.Set<String> vary = new java.util.LinkedHashSet<>();
            for (Object value : headers.getOrDefault("Vary", java.util.List.of())) {
                for (String v : value.toString().split(",")) {
                    if (!v.isBlank()) {
                        vary.add(v.strip());
                    }
                }
            }
            vary.add("Accept-Language");
            vary.add("Cookie");
            headers.putSingle("Vary", String.join(", ", vary));
            headers.putIfAbsent("Cache-Control", java.util.List.of("no-cache"));
            rememberLanguage(request, headers);
        }
    }
}
