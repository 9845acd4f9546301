package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.publishing.UploadService;
import cn.zjdata.portal.reference.ReferenceData;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.SyntheticDatasets;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A release waiting for review, made the way staff make one: a department of its own that requires review
 * (so no other test's department changes), a synthetic dataset published in it, and a publisher of that
 * department who uploads a new file and submits it.
 */
@ApplicationScoped
public class ReviewSetup {

    /** The built-in administrator the tests use to change settings directly through the services. */
    static final Actor ADMIN = new Actor(0, "test-admin", Role.ADMIN, Set.of(), Actor.Via.SESSION, null);
    static final String CHANGE_NOTE = "新增 2022 年数值，修正 2021 年 / adds 2022, corrects 2021";

    /** What is waiting: its department, dataset, upload, and who submitted it. */
    public record Submitted(String department, String dataset, String upload, StaffFixtures.Signed publisher) {
    }

    private final ReferenceService reference;
    private final AccountService accounts;
    private final StaffService staff;
    private final SyntheticDatasets synthetic;
    private final StaffFixtures fixtures;

    public ReviewSetup(ReferenceService reference, AccountService accounts, StaffService staff,
                       SyntheticDatasets synthetic, StaffFixtures fixtures) {
        this.reference = reference;
        this.accounts = accounts;
        this.staff = staff;
        this.synthetic = synthetic;
        this.fixtures = fixtures;
    }

    /** A new department that requires review. */
    public String reviewedDepartment() {
        String id = "synthetic-review-" + UUID.randomUUID().toString().substring(0, 8);
        reference.sync(new ReferenceData(null,
                List.of(new ReferenceData.PublisherData(id, LocalizedText.of("合成审核测试部门 " + id, "Synthetic review department " + id),
                        null, LocalizedText.of("仅用于测试。", "For tests only."), "test")),
                null, null, null, null, null, null, null, null));
        accounts.setReviewRequired(ADMIN, id, true);
        return id;
    }

    /** A dataset of the department with release 1 published, and release 2 submitted for review by a new publisher. */
    public Submitted submitted() {
        String department = reviewedDepartment();
        String slug = SyntheticDatasets.newSlug("review");
        synthetic.publish(StaffTestData.metadata(slug, department), "year,value\n2020,1.5\n2021,2.5\n");
        StaffFixtures.Signed publisher = fixtures.signedIn(Role.PUBLISHER, department);
        Path file = SyntheticDatasets.write("year,value\n2020,1.5\n2021,2.75\n2022,3.5\n");
        try {
            StaffViews.UploadView upload = staff.upload(publisher.actor(), slug, new UploadService.Received(file, "data.csv", "text/csv"));
            StaffViews.ReleaseOutcome outcome = staff.release(publisher.actor(), slug,
                    new StaffService.ReleaseRequest(upload.id(), CHANGE_NOTE, null, null, null));
            if (!outcome.outcome().equals("submitted-for-review")) {
                throw new IllegalStateException("expected a submission for review, got " + outcome);
            }
            return new Submitted(department, slug, upload.id(), publisher);
        } finally {
            SyntheticDatasets.delete(file);
        }
    }
}
