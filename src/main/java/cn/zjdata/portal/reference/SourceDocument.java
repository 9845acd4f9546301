package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document the published figures are transcribed from: a plan, an article, a news report. */
@Entity
@Table(name = "source_document")
public class SourceDocument extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "title_zh", nullable = false)
    public String titleZh;
    @Column(name = "title_en")
    public String titleEn;
    @Column(nullable = false)
    public String kind;
    @Column(name = "issuer_zh")
    public String issuerZh;
    @Column(name = "issuer_en")
    public String issuerEn;
    @Column(name = "doc_number")
    public String number;
    public String issued;
    @Column(name = "note_zh")
    public String noteZh;
    @Column(name = "note_en")
    public String noteEn;
    @Column(name = "seed_file")
    public String seedFile;

    public LocalizedText title() {
        return LocalizedText.of(titleZh, titleEn);
    }
}
