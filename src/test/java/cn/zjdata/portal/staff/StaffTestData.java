package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.publishing.CsvwMetadata;
import cn.zjdata.portal.publishing.PublishingService;
import cn.zjdata.portal.publishing.PublishRequest;
import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.publishing.UploadService;
import cn.zjdata.portal.reference.ReferenceData;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Synthetic departments and datasets for the staff tests: department A (no review), department R (review
 * required) and department O (another department), each a synthetic publisher that exists only in tests.
 */
@ApplicationScoped
public class StaffTestData {

    public static final String DEPT_A = SyntheticDatasets.PUBLISHER;
    public static final String DEPT_R = "synthetic-review-publisher";
    public static final String DEPT_O = "synthetic-other-publisher";
    private static final Actor SYSTEM_ADMIN = new Actor(0, "test-admin", Role.ADMIN, Set.of(), Actor.Via.SESSION, null);

    private final SyntheticDatasets synthetic;
    private final ReferenceService reference;
    private final AccountService accounts;
    private final PublishingService publishing;
    private final UploadService uploads;

    public StaffTestData(SyntheticDatasets synthetic, ReferenceService reference, AccountService accounts,
                         PublishingService publishing, UploadService uploads) {
        this.synthetic = synthetic;
        this.reference = reference;
        this.accounts = accounts;
        this.publishing = publishing;
        this.uploads = uploads;
    }

    public void ensureDepartments() {
        synthetic.ensurePublisher();
        for (String id : List.of(DEPT_R, DEPT_O)) {
            if (reference.findPublisher(id).isEmpty()) {
                reference.sync(new ReferenceData(null, List.of(new ReferenceData.PublisherData(id,
                        LocalizedText.of("合成测试部门 " + id, "Synthetic test department " + id), null,
                        LocalizedText.of("仅用于测试。", "For tests only."), "test")), null, null, null, null, null, null, null, null));
            }
        }
        accounts.setReviewRequired(SYSTEM_ADMIN, DEPT_R, true);
    }

    /** Metadata of a two-column synthetic table (year, value) of a department. */
    public static DatasetMetadata metadata(String slug, String department) {
        DatasetMetadata m = SyntheticDatasets.metadata(slug, List.of(
                SyntheticDatasets.column("year", Datatype.INTEGER, true),
                SyntheticDatasets.column("value", Datatype.DECIMAL, false)));
        return new DatasetMetadata(m.identifier(), m.title(), m.description(), department, m.themes(), m.keywords(),
                m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(), m.sources(),
                m.profile(), new cn.zjdata.portal.tabular.TableSchema(m.schema().columns(), List.of("year")));
    }

    public static String json(DatasetMetadata m) {
        return CsvwMetadata.write(m, "data.csv").toString();
    }

    /** Publishes release 1 of a new synthetic dataset of the department; returns its identifier. */
    public String published(String department) {
        ensureDepartments();
        String slug = SyntheticDatasets.newSlug("staff");
        Path file = SyntheticDatasets.write("year,value\n2020,1.5\n2021,2.5\n");
        try {
            publishing.publish(new PublishRequest(metadata(slug, department), file, "合成数据第一版 / synthetic first release",
                    "test", "upload", null, null));
        } finally {
            SyntheticDatasets.delete(file);
        }
        return slug;
    }

    /** A checked upload waiting for publication (year 2022 added). */
    public StaffUpload upload(String slug) {
        Path file = SyntheticDatasets.write("year,value\n2020,1.5\n2021,2.5\n2022,3.5\n");
        try {
            return uploads.receive(slug, new UploadService.Received(file, "next.csv", "text/csv"), "test-setup");
        } finally {
            SyntheticDatasets.delete(file);
        }
    }

    /** A checked upload submitted for review by {@code submitter}. */
    public StaffUpload submitted(String slug, String submitter) {
        StaffUpload upload = upload(slug);
        uploads.submit(upload, "合成数据待审 / synthetic release for review", submitter, slug);
        return upload;
    }
}
