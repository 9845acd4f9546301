package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import cn.zjdata.portal.tabular.TableSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** What the staff page tests share: the staff message bundle, a synthetic dataset to edit, GBK files. */
final class StaffPageFixtures {

    static final Charset GBK = Charset.forName("GBK");
    /** Release 1 of {@link #publishYearValue}: three years, keyed by year. */
    static final String RELEASE_1 = "年份,数值\n2019,1.5\n2020,2.5\n2021,3.5\n";
    /** Against release 1: 2019 unchanged, 2020 changed, 2021 removed, 2022 added. */
    static final String RELEASE_2 = "年份,数值\n2019,1.5\n2020,2.75\n2022,4.5\n";
    /** Release 2 with a word where a number belongs: data row 2 is spreadsheet row 3. */
    static final String RELEASE_2_INVALID = "年份,数值\n2019,1.5\n2020,二点七五\n2022,4.5\n";

    private static final Properties ZH = load("messages/staff_zh.properties");
    private static final Properties EN = load("messages/staff_en.properties");

    private StaffPageFixtures() {
    }

    /** A staff page string as the translators wrote it, {@code {staff:key}}. */
    static String text(String lang, String key) {
        String value = ("en".equals(lang) ? EN : ZH).getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("No staff message " + key);
        }
        return value;
    }

    /** The text as an HTML page shows it (Qute escapes these characters). */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * Publishes release 1 of a synthetic dataset of publisher {@code synthetic-test-publisher} with the columns
     * 年份 (integer, the primary key) and 数值 (decimal), and returns its identifier.
     */
    static String publishYearValue(SyntheticDatasets synthetic, String prefix) {
        String slug = SyntheticDatasets.newSlug(prefix);
        DatasetMetadata m = SyntheticDatasets.metadata(slug, List.of(
                SyntheticDatasets.column("年份", Datatype.INTEGER, true),
                SyntheticDatasets.column("数值", Datatype.DECIMAL, false)));
        synthetic.publish(new DatasetMetadata(m.identifier(), m.title(), m.description(), m.publisher(), m.themes(),
                m.keywords(), m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(),
                m.sources(), m.profile(), new TableSchema(m.schema().columns(), List.of("年份"))), RELEASE_1);
        return slug;
    }

    static byte[] gbk(String csv) {
        return csv.getBytes(GBK);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = StaffPageFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
