package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Uploads over the configured size limit are refused with 413, declared or streamed, and nothing is kept. */
@QuarkusTest
@TestProfile(UploadSizeLimitTest.SmallLimit.class)
class UploadSizeLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.publishing.max-upload-size", "64K");
        }
    }

    @Inject
    StaffFixtures staff;
    @Inject
    StaffTestData data;
    @Inject
    DatasetRepository datasets;

    @Test
    void anUploadOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        data.ensureDepartments();
        StaffFixtures.Signed publisher = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A);
        String slug = data.published(StaffTestData.DEPT_A);
        byte[] big = ("year,value\n" + "2020,1.5\n".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);

        publisher.request().contentType("text/csv").body(big).post("/api/staff/datasets/" + slug + "/uploads")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("65536"));
        publisher.request().multiPart("file", "big.csv", big, "text/csv").post("/api/staff/datasets/" + slug + "/uploads")
                .then().statusCode(413);
        // no Content-Length: the body is streamed (chunked) and refused once past the limit
        publisher.request().contentType("text/csv").body(new ByteArrayInputStream(big))
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(413);
        // under the limit it is accepted
        publisher.request().contentType("text/csv").body("year,value\n2020,1.5\n2022,3\n")
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(201);

        long kept = QuarkusTransaction.requiringNew().call(() ->
                StaffUpload.count("datasetId", datasets.findBySlug(slug).orElseThrow().id));
        assertEquals(1, kept, "only the upload under the limit was kept");
    }
}
