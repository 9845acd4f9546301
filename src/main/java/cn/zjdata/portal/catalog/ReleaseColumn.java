package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** One column of a release's schema, as stored with the release. */
@Embeddable
public class ReleaseColumn {

    @jakarta.persistence.Column(nullable = false)
    public String name;
    @jakarta.persistence.Column(name = "title_zh")
    public String titleZh;
    @jakarta.persistence.Column(name = "title_en")
    public String titleEn;
    @jakarta.persistence.Column(name = "description_zh")
    public String descriptionZh;
    @jakarta.persistence.Column(name = "description_en")
    public String descriptionEn;
    @jakarta.persistence.Column(nullable = false)
    public String datatype;
    public String pattern;
    @jakarta.persistence.Column(nullable = false)
    public boolean required;
    public String unit;
    public String separator;
    @jakarta.persistence.Column(precision = 38, scale = 10)
    public BigDecimal minimum;
    @jakarta.persistence.Column(precision = 38, scale = 10)
    public BigDecimal maximum;

    public static ReleaseColumn from(Column column) {
        ReleaseColumn c = new ReleaseColumn();
        c.name = column.name();
        c.titleZh = column.title() == null ? null : column.title().zh();
        c.titleEn = column.title() == null ? null : column.title().en();
        c.descriptionZh = column.description() == null ? null : column.description().zh();
        c.descriptionEn = column.description() == null ? null : column.description().en();
        c.datatype = column.datatype().csvw;
        c.pattern = column.pattern();
        c.required = column.required();
        c.unit = column.unit();
        c.separator = column.separator();
        c.minimum = column.minimum();
        c.maximum = column.maximum();
        return c;
    }

    public Column toColumn() {
        return new Column(name, LocalizedText.of(titleZh, titleEn), LocalizedText.of(descriptionZh, descriptionEn),
                Datatype.fromCsvw(datatype).orElseThrow(), pattern, required, unit, separator, minimum, maximum);
    }
}
