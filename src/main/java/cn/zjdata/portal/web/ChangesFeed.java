package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.CatalogChange;
import cn.zjdata.portal.common.PortalUris;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The catalog's changes as an Atom 1.0 feed (RFC 4287), written with the JDK's StAX writer, which escapes
 * every text and attribute; characters XML 1.0 cannot carry (control characters, lone surrogates) are
 * replaced, so a change note can never make the feed malformed. The feed is in one language, Chinese or
 * English ({@code ?lang=en}), chosen by its URL alone so that a feed reader always gets the same feed.
 *
 * <p>Entry ids are the release's URI ({@code {base}id/dataset/{slug}/release/{n}}) for a publish, that URI
 * with {@code #withdrawn} for the release's withdrawal, and the dataset's URI with {@code #withdrawn} for a
 * whole dataset's withdrawal: stable, and distinct for each event.
 */
@ApplicationScoped
public class ChangesFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The media type of a feed, with the charset it is written in. */
    public static final String MEDIA_TYPE = "application/atom+xml; charset=UTF-8";
    /** The scheme of the entries' categories, which say what kind of change each is. */
    static final String KIND_SCHEME = "changes#kind";

    /** A feed ready to send: its bytes, a strong entity tag of them, and the time of its newest entry (null when empty). */
    public record Document(byte[] body, String tag, Instant updated) {
    }

    /** What a feed is about: its id, title, own URL and the page it is the feed of. */
    private record Head(String id, String title, String self, String alternate) {
    }

    private final PortalUris uris;
    private final Messages zh;
    private final Messages en;

    public ChangesFeed(PortalUris uris, Messages zh, @Localized("en") Messages en) {
        this.uris = uris;
        this.zh = zh;
        this.en = en;
    }

    /** The feed of the whole catalog's changes. */
    public Document catalog(List<CatalogChange> changes, String lang) {
        String self = uris.resolve("changes.atom" + query(lang));
        return document(new Head(self, messages(lang).changes_feed_title(), self, uris.resolve("changes" + query(lang))),
                changes, lang);
    }

    /** The feed of one dataset's changes; {@code changes} is never empty for a dataset that was published. */
    public Document dataset(String slug, List<CatalogChange> changes, String lang) {
        String self = uris.resolve("datasets/" + slug + "/changes.atom" + query(lang));
        String title = changes.isEmpty() ? slug : changes.getFirst().title().in(lang);
        return document(new Head(self, title + separator(lang) + messages(lang).changes_of_dataset(), self,
                uris.resolve("datasets/" + slug + query(lang))), changes, lang);
    }

    private Document document(Head head, List<CatalogChange> changes, String lang) {
        Instant updated = changes.stream().map(CatalogChange::at).max(Instant::compareTo).orElse(null);
        byte[] body = write(head, changes, updated, lang);
        return new Document(body, "atom-" + sha256(body).substring(0, 32), updated);
    }

    private byte[] write(Head head, List<CatalogChange> changes, Instant updated, String lang) {
        Messages m = messages(lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", Ui.htmlLang(lang));
            element(xml, "id", head.id());
            element(xml, "title", head.title());
            // An empty feed has no newest entry; the epoch says "never changed" rather than inventing a time.
            element(xml, "updated", (updated == null ? Instant.EPOCH : updated).toString());
            link(xml, "self", "application/atom+xml", head.self());
            link(xml, "alternate", "text/html", head.alternate());
            xml.writeStartElement(ATOM, "author");
            element(xml, "name", m.site_name());
            element(xml, "uri", uris.base());
            xml.writeEndElement();
            for (CatalogChange change : changes) {
                entry(xml, change, lang, m);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The Atom feed could not be written", e);
        }
        return out.toByteArray();
    }

    private void entry(XMLStreamWriter xml, CatalogChange c, String lang, Messages m) throws XMLStreamException {
        String datasetUri = uris.resolve("id/dataset/" + c.dataset());
        String id;
        String what;
        String kind;
        switch (c.kind()) {
            case RELEASE_PUBLISHED -> {
                id = datasetUri + "/release/" + c.release();
                what = m.changes_entry_published(c.release());
                kind = "published";
            }
            case RELEASE_WITHDRAWN -> {
                id = datasetUri + "/release/" + c.release() + "#withdrawn";
                what = m.changes_entry_release_withdrawn(c.release());
                kind = "release-withdrawn";
            }
            default -> {
                id = datasetUri + "#withdrawn";
                what = m.changes_entry_dataset_withdrawn();
                kind = "dataset-withdrawn";
            }
        }
        String time = c.at().toString();
        xml.writeStartElement(ATOM, "entry");
        element(xml, "id", id);
        element(xml, "title", c.title().in(lang) + separator(lang) + what);
        element(xml, "updated", time);
        element(xml, "published", time);
        xml.writeStartElement(ATOM, "author");
        element(xml, "name", c.publisher().name() == null ? c.publisher().id() : c.publisher().name().in(lang));
        xml.writeEndElement();
        link(xml, "alternate", "text/html", uris.resolve("datasets/" + c.dataset() + query(lang)));
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("scheme", uris.resolve(KIND_SCHEME));
        xml.writeAttribute("term", kind);
        if (c.text() != null && !c.text().isBlank()) {
            element(xml, "summary", c.text());
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlText(href));
    }

    /**
     * The text with every character XML 1.0 does not allow (C0 controls other than tab, line feed and
     * carriage return; lone surrogates; U+FFFE, U+FFFF) replaced by U+FFFD. Escaping is the writer's job.
     */
    static String xmlText(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                if (allowed) {
                    clean.appendCodePoint(cp);
                } else {
                    clean.append('\uFFFD');
                }
            }
            i += width;
        }
        return clean == null ? text : clean.toString();
    }

    private Messages messages(String lang) {
        return Ui.EN.equals(lang) ? en : zh;
    }

    private static String separator(String lang) {
        return Ui.EN.equals(lang) ? ": " : "：";
    }

    private static String query(String lang) {
        return Ui.EN.equals(lang) ? "?lang=en" : "";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
