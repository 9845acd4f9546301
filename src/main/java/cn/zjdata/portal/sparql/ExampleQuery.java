package cn.zjdata.portal.sparql;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An example on the query page: what it answers, in Chinese and English, and the query. */
public record ExampleQuery(String id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                           String query) {

    /** A link that runs the query (the endpoint answers in its default format). */
    public String runLink() {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A link to the page with the query in the editor. */
    public String editLink() {
        return "/sparql?example=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "#editor";
    }
}
