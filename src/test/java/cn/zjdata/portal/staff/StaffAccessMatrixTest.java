package cn.zjdata.portal.staff;

import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.SyntheticDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static cn.zjdata.portal.staff.StaffTestData.DEPT_A;
import static cn.zjdata.portal.staff.StaffTestData.DEPT_O;
import static cn.zjdata.portal.staff.StaffTestData.DEPT_R;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role × endpoint matrix: every write endpoint of the staff API, called by an anonymous client, a
 * publisher of another department, the dataset's publisher, a reviewer and an administrator, each with a
 * browser session (cookie + CSRF header) and with a personal API token. An allowed call must pass the
 * access check (its answer is neither 401 nor 403, and it is the endpoint's success status); a refused one
 * must be 401 (anonymous) or 403, with a problem body.
 */
@QuarkusTest
@Tag("database")
class StaffAccessMatrixTest {

    @Inject
    StaffFixtures staff;
    @Inject
    StaffTestData data;

    /** Who calls: a name for messages and a request factory. */
    record Caller(String name, Supplier<RequestSpecification> request) {
    }

    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private String publisherName;

    @BeforeEach
    void callers() {
        data.ensureDepartments();
        var other = staff.signedIn(Role.PUBLISHER, DEPT_O);
        var publisher = staff.signedIn(Role.PUBLISHER, DEPT_A, DEPT_R);
        publisherName = publisher.username();
        var reviewer = staff.signedIn(Role.REVIEWER, DEPT_A, DEPT_R);
        var admin = staff.signedIn(Role.ADMIN);
        callers.put("anonymous", new Caller("anonymous", RestAssured::given));
        callers.put("other-session", new Caller("publisher of another department (session)", other::request));
        callers.put("other-token", token("publisher of another department (token)", staff.token(other, Duration.ofDays(1))));
        callers.put("publisher-session", new Caller("publisher (session)", publisher::request));
        callers.put("publisher-token", token("publisher (token)", staff.token(publisher, Duration.ofDays(1))));
        callers.put("reviewer-session", new Caller("reviewer (session)", reviewer::request));
        callers.put("reviewer-token", token("reviewer (token)", staff.token(reviewer, Duration.ofDays(1))));
        callers.put("admin-session", new Caller("administrator (session)", admin::request));
        callers.put("admin-token", token("administrator (token scoped to A and R)", staff.token(admin, Duration.ofDays(1), DEPT_A, DEPT_R)));
    }

    private static Caller token(String name, String token) {
        return new Caller(name, () -> StaffFixtures.withToken(token));
    }

    @Test
    void creatingADatasetIsForItsDepartmentsPublishersAndAdministrators() {
        check("POST /api/staff/datasets", 201, List.of("publisher-session", "publisher-token", "admin-session", "admin-token"),
                c -> c.request().get().contentType(ContentType.JSON)
                        .body(StaffTestData.json(StaffTestData.metadata(SyntheticDatasets.newSlug("matrix"), DEPT_A)))
                        .post("/api/staff/datasets"));
    }

    @Test
    void editingMetadataIsForTheDatasetsPublishersAndAdministrators() {
        check("PUT /api/staff/datasets/{id}/metadata", 200, List.of("publisher-session", "publisher-token", "admin-session", "admin-token"),
                c -> {
                    String slug = data.published(DEPT_A);
                    return c.request().get().contentType(ContentType.JSON).body(StaffTestData.json(StaffTestData.metadata(slug, DEPT_A)))
                            .put("/api/staff/datasets/" + slug + "/metadata");
                });
    }

    @Test
    void uploadingIsForTheDatasetsPublishersAndAdministrators() {
        String slug = data.published(DEPT_A);
        check("POST /api/staff/datasets/{id}/uploads", 201, List.of("publisher-session", "publisher-token", "admin-session", "admin-token"),
                c -> c.request().get().contentType("text/csv").body("year,value\n2020,1.5\n2023,4\n")
                        .post("/api/staff/datasets/" + slug + "/uploads"));
    }

    @Test
    void publishingIsForTheDatasetsPublishersAndAdministrators() {
        check("POST /api/staff/datasets/{id}/releases", 201, List.of("publisher-session", "publisher-token", "admin-session", "admin-token"),
                c -> {
                    String slug = data.published(DEPT_A);
                    StaffUpload upload = data.upload(slug);
                    return c.request().get().contentType(ContentType.JSON)
                            .body(Map.of("upload", upload.id, "changeNote", "矩阵测试 / matrix test"))
                            .post("/api/staff/datasets/" + slug + "/releases");
                });
    }

    @Test
    void withdrawingAReleaseIsForTheDatasetsPublishersAndAdministrators() {
        check("POST /api/staff/datasets/{id}/releases/{n}/withdrawal", 204,
                List.of("publisher-session", "publisher-token", "admin-session", "admin-token"),
                c -> {
                    String slug = data.published(DEPT_A);
                    return c.request().get().contentType(ContentType.JSON).body(Map.of("reason", "矩阵测试 / matrix test"))
                            .post("/api/staff/datasets/" + slug + "/releases/1/withdrawal");
                });
    }

    @Test
    void withdrawingADatasetIsForItsPublishersAndAdministrators() {
        check("POST /api/staff/datasets/{id}/withdrawal", 204, List.of("publisher-session", "publisher-token", "admin-session", "admin-token"),
                c -> {
                    String slug = data.published(DEPT_A);
                    return c.request().get().contentType(ContentType.JSON).body(Map.of("reason", "矩阵测试 / matrix test"))
                            .post("/api/staff/datasets/" + slug + "/withdrawal");
                });
    }

    @Test
    void approvingIsForReviewersAndAdministrators() {
        check("POST /api/staff/reviews/{upload}/approval", 201, List.of("reviewer-session", "reviewer-token", "admin-session", "admin-token"),
                c -> {
                    String slug = data.published(DEPT_R);
                    StaffUpload upload = data.submitted(slug, publisherName);
                    return c.request().get().post("/api/staff/reviews/" + upload.id + "/approval");
                });
    }

    @Test
    void rejectingIsForReviewersAndAdministrators() {
        check("POST /api/staff/reviews/{upload}/rejection", 204, List.of("reviewer-session", "reviewer-token", "admin-session", "admin-token"),
                c -> {
                    String slug = data.published(DEPT_R);
                    StaffUpload upload = data.submitted(slug, publisherName);
                    return c.request().get().contentType(ContentType.JSON).body(Map.of("reason", "矩阵测试 / matrix test"))
                            .post("/api/staff/reviews/" + upload.id + "/rejection");
                });
    }

    @Test
    void tokensAreManagedByTheirOwnersInABrowserSessionOnly() {
        check("POST /api/staff/tokens", 201, List.of("other-session", "publisher-session", "reviewer-session", "admin-session"),
                c -> c.request().get().contentType(ContentType.JSON)
                        .body(Map.of("name", "matrix", "departments", c.name().startsWith("administrator") ? List.of(DEPT_A) : List.of()))
                        .post("/api/staff/tokens"));
    }

    @Test
    void accountsAreManagedByAdministratorsInABrowserSessionOnly() {
        check("POST /api/staff/accounts", 201, List.of("admin-session"),
                c -> c.request().get().contentType(ContentType.JSON)
                        .body(Map.of("username", "matrix-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                                "displayName", "Matrix", "role", "publisher", "departments", List.of(DEPT_A),
                                "password", StaffFixtures.PASSWORD))
                        .post("/api/staff/accounts"));
        String target = staff.account(Role.PUBLISHER, DEPT_A);
        check("PUT /api/staff/accounts/{username}", 200, List.of("admin-session"),
                c -> c.request().get().contentType(ContentType.JSON).body(Map.of("displayName", "Renamed by " + c.name()))
                        .put("/api/staff/accounts/" + target));
    }

    @Test
    void departmentSettingsAreForAdministratorsInABrowserSessionOnly() {
        check("PUT /api/staff/departments/{id}", 200, List.of("admin-session"),
                c -> c.request().get().contentType(ContentType.JSON).body(Map.of("reviewRequired", true))
                        .put("/api/staff/departments/" + DEPT_R));
    }

    @Test
    void theAuditLogIsForAdministrators() {
        check("GET /api/staff/audit", 200, List.of("admin-session", "admin-token"),
                c -> c.request().get().get("/api/staff/audit"));
    }

    private void check(String endpoint, int success, List<String> allowed, Function<Caller, Response> call) {
        List<String> wrong = new ArrayList<>();
        callers.forEach((key, caller) -> {
            Response response = call.apply(caller);
            int status = response.statusCode();
            boolean shouldPass = allowed.contains(key);
            int refused = key.equals("anonymous") ? 401 : 403;
            if (shouldPass && status != success) {
                wrong.add(caller.name() + ": expected " + success + ", got " + status + " " + response.asString());
            } else if (!shouldPass && (status != refused || !response.contentType().startsWith("application/problem+json"))) {
                wrong.add(caller.name() + ": expected " + refused + " problem, got " + status + " " + response.asString());
            }
        });
        assertTrue(wrong.isEmpty(), endpoint + ":\n" + String.join("\n", wrong));
    }
}
