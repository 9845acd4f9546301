package cn.zjdata.portal.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What the start-up import last published from a folder of {@code datasets/}. */
@Entity
@Table(name = "seed_import")
public class SeedImport extends PanacheEntityBase {

    @Id
    public String slug;
    @Column(name = "data_sha256", nullable = false)
    public String dataSha256;
    @Column(name = "meta_sha256", nullable = false)
    public String metadataSha256;
    @Column(name = "release_id", nullable = false)
    public Long releaseId;
    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
