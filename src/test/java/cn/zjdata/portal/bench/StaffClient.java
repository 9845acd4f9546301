package cn.zjdata.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal's HTTP API as a publisher's script uses it: an administrator signs in once and creates an API
 * token for one department; drafts, uploads and releases are then sent with the token; SPARQL, search and the
 * dump are public.
 */
final class StaffClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PortalProcess portal;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String token;

    StaffClient(PortalProcess portal) {
        this.portal = portal;
    }

    /** Signs in (session cookie and CSRF token) and creates a one-day API token for {@code department}. */
    void signInWithToken(String username, String password, String department) throws Exception {
        HttpResponse<String> session = send(HttpRequest.newBuilder(uri("/api/staff/session"))
                .header("Content-Type", "application/json")
                .POST(json(JSON.createObjectNode().put("username", username).put("password", password))), 200);
        String cookie = session.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("portal_session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
        String csrf = JSON.readTree(session.body()).path("csrfToken").asText();
        ObjectNode body = JSON.createObjectNode().put("name", "publish benchmark").put("expiresInDays", 1);
        body.putArray("departments").add(department);
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/staff/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(json(body)), 201);
        token = JSON.readTree(created.body()).path("token").asText();
    }

    void createDraft(JsonNode metadata) throws Exception {
        send(staff("/api/staff/datasets").header("Content-Type", "application/json").POST(json(metadata)), 201);
    }

    /** Sends the file as the raw request body; answers the upload JSON. */
    JsonNode upload(String slug, Path csv) throws Exception {
        HttpResponse<String> response = send(staff("/api/staff/datasets/" + slug + "/uploads")
                .header("Content-Type", "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + csv.getFileName() + "\"")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)), 201);
        return JSON.readTree(response.body());
    }

    JsonNode release(String slug, String uploadId, String changeNote) throws Exception {
        HttpResponse<String> response = send(staff("/api/staff/datasets/" + slug + "/releases")
                .header("Content-Type", "application/json")
                .POST(json(JSON.createObjectNode().put("upload", uploadId).put("changeNote", changeNote))), 201);
        return JSON.readTree(response.body());
    }

    /** The first value of the first row of a SELECT, or the boolean of an ASK, as text. */
    String sparql(String query) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/sparql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").GET(), 200);
        JsonNode answer = JSON.readTree(response.body());
        if (answer.has("boolean")) {
            return answer.get("boolean").asText();
        }
        JsonNode row = answer.path("results").path("bindings").path(0);
        return row.isMissingNode() || !row.fieldNames().hasNext() ? null : row.get(row.fieldNames().next()).path("value").asText();
    }

    /** The dataset ids a search lists on its first page. */
    List<String> search(String q) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET(), 200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : JSON.readTree(response.body()).path("items")) {
            ids.add(item.path("id").asText());
        }
        return ids;
    }

    /** The entity tag of the current dump of the whole store. */
    Optional<String> dumpTag() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/dumps/all.nq.gz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("ETag");
    }

    HttpResponse<java.io.InputStream> dump() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/dumps/all.nq.gz")).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder staff(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(portal.url(path));
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) throws Exception {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return response;
    }
}
