package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.publishing.PublishRequest;
import cn.zjdata.portal.publishing.PublishingService;
import cn.zjdata.portal.support.Bundles;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recent-changes page and the Atom feeds. The database is shared by the whole test run, so every test
 * builds its own dataset and looks at its own entries, never at counts of the whole catalog.
 */
@QuarkusTest
@Tag("database")
class ChangesPagesTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final List<Column> COLUMNS = List.of(
            SyntheticDatasets.column("年份", Datatype.YEAR, true),
            SyntheticDatasets.column("数值", Datatype.DECIMAL, false));

    @Inject
    PublishingService publishing;
    @Inject
    SyntheticDatasets synthetic;
    @Inject
    PortalUris uris;
    @Inject
    CatalogService catalog;

    /** An entry of a feed, as a reader sees it after parsing. */
    record Entry(String id, String title, String updated, String published, String author, String alternate,
                 String category, String summary) {
    }

    record Feed(Element root, List<Entry> entries) {
        Optional<Entry> entry(String id) {
            return entries.stream().filter(e -> e.id().equals(id)).findFirst();
        }

        int indexOf(String id) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }
    }

    // --- the feeds ---------------------------------------------------------------------------------

    @Test
    void theCatalogFeedIsAtomWithEveryElementRfc4287Requires() throws Exception {
        String slug = publishNew("feed-shape", "首次发布 / first release");

        Response response = given().get("/changes.atom");
        response.then().statusCode(200);
        assertAtomUtf8(response.contentType());
        Feed feed = parse(response.asByteArray());

        Element root = feed.root();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals("zh-CN", root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals(uris.resolve("changes.atom"), child(root, "id"));
        assertEquals(Bundles.zh("changes_feed_title"), child(root, "title"));
        Instant.parse(child(root, "updated"));
        assertEquals(uris.resolve("changes.atom"), link(root, "self"));
        assertEquals(uris.resolve("changes"), link(root, "alternate"));
        assertFalse(feed.entries().isEmpty());
        assertTrue(feed.entries().size() <= 50, "the latest 50 at most: " + feed.entries().size());
        for (Entry e : feed.entries()) {
            assertTrue(e.id().startsWith(uris.resolve("id/dataset/")), e.id());
            assertFalse(e.title().isBlank(), e.id());
            Instant.parse(e.updated());
            Instant.parse(e.published());
            assertFalse(e.author().isBlank(), e.id() + " has an author");
            assertTrue(e.alternate().startsWith(uris.resolve("datasets/")), e.id() + " links to its dataset");
        }
        assertEquals(feed.entries().size(), new HashSet<>(feed.entries().stream().map(Entry::id).toList()).size(),
                "entry ids are unique");
        assertTrue(feed.entry(releaseUri(slug, 1)).isPresent(), "a publish made just now is in the latest 50");
    }

    @Test
    void aNewReleaseIsTheNewestEntryWithItsChangeNoteAndThePublishersName() throws Exception {
        String slug = publishNew("feed-new", "第一版 / first");
        publish(slug, "年份,数值\n2020,1\n2021,2\n", "补充 2021 年数据 / adds 2021");

        Feed mine = parse(given().get("/datasets/" + slug + "/changes.atom").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of(releaseUri(slug, 2), releaseUri(slug, 1)), mine.entries().stream().map(Entry::id).toList());
        Entry newest = mine.entries().getFirst();
        assertEquals("补充 2021 年数据 / adds 2021", newest.summary());
        assertEquals("合成测试发布者", newest.author());
        assertEquals(uris.resolve("datasets/" + slug), newest.alternate());
        assertEquals("published", newest.category());
        assertTrue(newest.title().contains("合成测试数据 " + slug) && newest.title().contains("第 2 版已发布"), newest.title());
        assertEquals(uris.resolve("datasets/" + slug + "/changes.atom"), link(mine.root(), "self"));
        assertEquals(newest.updated(), child(mine.root(), "updated"), "the feed was updated by its newest entry");

        // In the catalog's feed it comes before everything older: the feed is newest first.
        Feed all = parse(given().get("/changes.atom").then().statusCode(200).extract().asByteArray());
        int at = all.indexOf(releaseUri(slug, 2));
        assertTrue(at >= 0, "the new release is in the catalog's feed");
        assertEquals("补充 2021 年数据 / adds 2021", all.entries().get(at).summary());
        assertTrue(at < all.indexOf(releaseUri(slug, 1)));
        // (A withdrawal is never listed before the publish it undoes, even when the release's issue time,
        // pushed a second on for each publish within the same second, is later than the withdrawal.)
        List<Entry> publishes = all.entries().stream().filter(e -> "published".equals(e.category())).toList();
        for (int i = 0; i + 1 < publishes.size(); i++) {
            assertFalse(Instant.parse(publishes.get(i).updated()).isBefore(Instant.parse(publishes.get(i + 1).updated())),
                    publishes.get(i).id() + " is not older than " + publishes.get(i + 1).id());
        }

        Feed english = parse(given().queryParam("lang", "en").get("/datasets/" + slug + "/changes.atom")
                .then().statusCode(200).extract().asByteArray());
        assertEquals("en", english.root().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        Entry first = english.entries().getFirst();
        assertEquals("Synthetic test data " + slug + ": release 2 published", first.title());
        assertEquals("Synthetic test publisher", first.author());
        assertEquals(uris.resolve("datasets/" + slug + "?lang=en"), first.alternate());
    }

    @Test
    void aWithdrawnReleaseIsListedWithItsReasonAndItsPublishStaysAsHistory() throws Exception {
        String slug = publishNew("feed-withdrawn", "第一版 / first");
        publish(slug, "年份,数值\n2020,1\n2021,999\n", "第二版 / second");

        publishing.withdrawRelease(slug, 2, "2021 年数值录入错误 / 2021 mistyped", "test");

        Feed feed = parse(given().get("/datasets/" + slug + "/changes.atom").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of(releaseUri(slug, 2) + "#withdrawn", releaseUri(slug, 2), releaseUri(slug, 1)),
                feed.entries().stream().map(Entry::id).toList());
        Entry withdrawal = feed.entries().getFirst();
        assertEquals("2021 年数值录入错误 / 2021 mistyped", withdrawal.summary());
        assertEquals("release-withdrawn", withdrawal.category());
        assertTrue(withdrawal.title().contains("第 2 版已撤回"), withdrawal.title());
        assertEquals("第二版 / second", feed.entries().get(1).summary(), "the publish entry stays as it was");

        Feed all = parse(given().get("/changes.atom").then().statusCode(200).extract().asByteArray());
        assertTrue(all.indexOf(releaseUri(slug, 2) + "#withdrawn") >= 0);
        assertTrue(all.indexOf(releaseUri(slug, 2) + "#withdrawn") < all.indexOf(releaseUri(slug, 2)));
    }

    @Test
    void aWithdrawnDatasetsFeedStillAnswersWithItsHistoryAndTheWithdrawal() throws Exception {
        String slug = publishNew("feed-gone", "唯一一版 / the only release");
        publishing.withdrawDataset(slug, "已并入其他数据集 / merged into another", "test");

        given().accept("text/html").get("/datasets/" + slug).then().statusCode(410);
        Feed feed = parse(given().get("/datasets/" + slug + "/changes.atom").then().statusCode(200).extract().asByteArray());
        Entry withdrawal = feed.entry(uris.resolve("id/dataset/" + slug) + "#withdrawn").orElseThrow();
        assertEquals("已并入其他数据集 / merged into another", withdrawal.summary());
        assertEquals("dataset-withdrawn", withdrawal.category());
        assertEquals("唯一一版 / the only release", feed.entry(releaseUri(slug, 1)).orElseThrow().summary());
    }

    @Test
    void specialCharactersInAChangeNoteAreEscapedAndReadBackIntact() throws Exception {
        String note = "<b>修订</b> & \"引号\" 'apostrophe' ]]> 😀 中文 end";
        String slug = publishNew("feed-escaping", note);

        Response response = given().get("/datasets/" + slug + "/changes.atom");
        String xml = response.then().statusCode(200).extract().asString();
        assertFalse(xml.contains("<b>"), "markup in a note is text, not elements");
        Entry entry = parse(response.asByteArray()).entry(releaseUri(slug, 1)).orElseThrow();
        assertEquals(note, entry.summary(), "the note comes back as written");

        String html = given().accept("text/html").get("/changes").then().statusCode(200).extract().asString();
        assertTrue(html.contains("&lt;b&gt;修订&lt;/b&gt; &amp; &quot;引号&quot;"), "the page escapes the note");
        assertTrue(html.contains("😀 中文"));
        assertFalse(html.contains("<b>修订</b>"));
    }

    @Test
    void charactersXmlCannotCarryAreReplacedSoAFeedIsNeverMalformed() {
        assertEquals("a\uFFFDb\uFFFDc\td\ne 😀", ChangesFeed.xmlText("a\u0007b\uD800c\td\ne 😀"));
        assertEquals("中文 & <text>", ChangesFeed.xmlText("中文 & <text>"), "escaping is left to the XML writer");
    }

    @Test
    void aFeedAnswers304ToItsOwnEntityTagUntilTheNextPublish() {
        String slug = publishNew("feed-etag", "第一版 / first");
        String path = "/datasets/" + slug + "/changes.atom";
        Response first = given().get(path);
        first.then().statusCode(200);
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\""), "a strong entity tag: " + etag);
        assertNotNull(first.header("Last-Modified"));

        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", equalTo(etag));
        given().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);

        publish(slug, "年份,数值\n2020,1\n2021,2\n", "第二版 / second");

        Response changed = given().header("If-None-Match", etag).get(path);
        changed.then().statusCode(200);
        assertNotEquals(etag, changed.header("ETag"));
        assertTrue(changed.asString().contains("第二版 / second"));
    }

    @Test
    void anUnknownDatasetsFeedIs404() {
        given().get("/datasets/no-such-dataset/changes.atom").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get("/datasets/no-such-dataset/changes.atom").then().statusCode(404)
                .contentType(startsWith("text/html"));
    }

    // --- the page ----------------------------------------------------------------------------------

    @Test
    void thePageListsTheSameEventsWithLinksTheReasonAndTheFeed() {
        String slug = publishNew("page-events", "第一版说明 / first note");
        publish(slug, "年份,数值\n2020,1\n2021,999\n", "第二版说明 / second note");
        publishing.withdrawRelease(slug, 2, "数值有误 / wrong figure", "test");

        String html = given().accept("text/html").get("/changes").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        List<String> items = itemsOf(html, slug);
        assertEquals(3, items.size(), "two publishes and a withdrawal: " + items);
        assertTrue(items.get(0).contains(escape(Bundles.zh("changes_release_withdrawn"))), items.get(0));
        assertTrue(items.get(0).contains("数值有误 / wrong figure"), items.get(0));
        assertTrue(items.get(0).contains("class=\"status withdrawn\""), "marked as withdrawn");
        assertTrue(items.get(1).contains("第二版说明 / second note") && items.get(1).contains("href=\"/datasets/" + slug + "#release-2\""),
                items.get(1));
        assertTrue(items.get(2).contains("第一版说明 / first note") && items.get(2).contains("href=\"/datasets/" + slug + "\""),
                items.get(2));
        assertTrue(items.get(2).contains("<time datetime=\""), "with its date and time");
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "the feed is advertised");
        assertTrue(html.contains("href=\"/changes.atom\""));

        // The dataset's page advertises its own feed and anchors each release.
        String page = given().accept("text/html").get("/datasets/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("type=\"application/atom+xml\"") && page.contains("href=\"/datasets/" + slug + "/changes.atom\""));
        assertTrue(page.contains("id=\"release-2\""));
    }

    @Test
    void theEnglishPageHasEnglishLabels() {
        String slug = publishNew("page-english", "first note");
        publishing.withdrawRelease(slug, 1, "withdrawn for the English page", "test");

        String html = given().accept("text/html").queryParam("lang", "en").get("/changes").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("<html lang=\"en\""));
        assertTrue(html.contains("<h1>" + Bundles.en("changes_title") + "</h1>"));
        List<String> items = itemsOf(html, slug);
        assertTrue(items.stream().anyMatch(i -> i.contains(Bundles.en("changes_release_withdrawn"))
                && i.contains(Bundles.en("changes_reason")) && i.contains("withdrawn for the English page")), items.toString());
        assertTrue(items.stream().anyMatch(i -> i.contains(">Release 1</a>")), items.toString());
        assertTrue(html.contains("href=\"/changes.atom?lang=en\""), "the English feed");
        assertFalse(html.contains(Bundles.zh("changes_title")));
    }

    @Test
    void thePageIsNeverStaleAfterAPublishOrAWithdrawal() {
        // served twice, so the second answer comes from memory
        given().accept("text/html").get("/changes").then().statusCode(200);
        given().accept("text/html").get("/changes").then().statusCode(200);
        given().get("/changes.atom").then().statusCode(200);

        String slug = publishNew("page-fresh", "缓存之后的发布 / after caching");
        given().accept("text/html").get("/changes").then().statusCode(200).body(containsString("/datasets/" + slug + "\""));
        given().get("/changes.atom").then().statusCode(200).body(containsString(releaseUri(slug, 1)));

        publishing.withdrawDataset(slug, "缓存之后的撤回 / withdrawn after caching", "test");
        given().accept("text/html").get("/changes").then().statusCode(200).body(containsString("缓存之后的撤回 / withdrawn after caching"));
        given().get("/changes.atom").then().statusCode(200).body(containsString(uris.resolve("id/dataset/" + slug) + "#withdrawn"));
    }

    @Test
    void thePageShowsFiftyChangesAndLinksToTheNextAndPreviousPages() {
        // Enough history for a second page, whatever other tests published before. At most five releases a
        // dataset: releases published within one second are issued a second apart, so a long run of them
        // would be dated in the future and crowd the first page of the tests that come after this one.
        long total = QuarkusTransaction.requiringNew().call(() -> catalog.listChanges(new PageRequest(1, 1)).totalItems());
        String slug = null;
        for (int n = 0; total < 52; n++, total++) {
            if (n % 5 == 0) {
                slug = publishNew("page-paging", "分页 " + n);
            } else {
                publish(slug, "年份,数值\n2020," + n + "\n", "分页 " + n);
            }
        }

        String first = given().accept("text/html").get("/changes").then().statusCode(200).extract().asString();
        assertEquals(50, count(first, "<li class=\"change-"));
        assertTrue(first.contains("<a rel=\"next\" href=\"/changes?page=2\""), "a link to the next page");
        assertFalse(first.contains("rel=\"prev\""));
        String second = given().accept("text/html").queryParam("page", "2").get("/changes").then().statusCode(200).extract().asString();
        assertTrue(count(second, "<li class=\"change-") >= 2);
        assertTrue(second.contains("<a rel=\"prev\" href=\"/changes\""), "a link back to the first page");
        // The service's pages follow one order without gaps or repeats.
        List<String> pageByPage = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            pageByPage.addAll(changes(new PageRequest(p, 2)));
        }
        assertEquals(changes(new PageRequest(1, 6)), pageByPage);
    }

    @Test
    void aPageNumberThatIsNotANumberIs400() {
        given().get("/changes?page=abc").then().statusCode(400).contentType("application/problem+json");
        given().accept("text/html").get("/changes?page=0").then().statusCode(400).contentType(startsWith("text/html"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private List<String> changes(PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> catalog.listChanges(page).items().stream()
                .map(c -> c.kind() + " " + c.dataset() + " " + c.release()).toList());
    }

    private String publishNew(String prefix, String note) {
        String slug = SyntheticDatasets.newSlug(prefix);
        publish(slug, "年份,数值\n2020,1\n", note);
        return slug;
    }

    private void publish(String slug, String csv, String note) {
        synthetic.ensurePublisher();
        Path file = SyntheticDatasets.write(csv);
        try {
            publishing.publish(new PublishRequest(SyntheticDatasets.metadata(slug, COLUMNS), file, note, "test", "upload", null, null));
        } finally {
            SyntheticDatasets.delete(file);
        }
    }

    private String releaseUri(String slug, int number) {
        return uris.resolve("id/dataset/" + slug + "/release/" + number);
    }

    private static void assertAtomUtf8(String contentType) {
        assertTrue(contentType.startsWith("application/atom+xml"), contentType);
        assertTrue(contentType.toLowerCase().replace(" ", "").contains("charset=utf-8"), contentType);
    }

    private static Feed parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = document.getDocumentElement();
        List<Entry> entries = new ArrayList<>();
        for (Element e : children(root, "entry")) {
            Element author = children(e, "author").stream().findFirst().orElse(null);
            Element category = children(e, "category").stream().findFirst().orElse(null);
            entries.add(new Entry(child(e, "id"), child(e, "title"), child(e, "updated"), child(e, "published"),
                    author == null ? "" : child(author, "name"), link(e, "alternate"),
                    category == null ? null : category.getAttribute("term"),
                    children(e, "summary").isEmpty() ? null : child(e, "summary")));
        }
        return new Feed(root, entries);
    }

    /** The Atom children of an element with a name. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The text of the one child with a name (the test fails when it is missing). */
    private static String child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one atom:" + name + " in " + parent.getLocalName());
        return found.getFirst().getTextContent();
    }

    private static String link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel")))
                .map(l -> l.getAttribute("href")).findFirst().orElseThrow(() -> new AssertionError("no link rel=" + rel));
    }

    /** The list items of the page that are about a dataset, in page order. */
    private static List<String> itemsOf(String html, String slug) {
        List<String> items = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"change-[^\"]+\">(.*?)</li>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            if (m.group(1).contains("href=\"/datasets/" + slug + "\"")) {
                items.add(m.group(1));
            }
        }
        return items;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
