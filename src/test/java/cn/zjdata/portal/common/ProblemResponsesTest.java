package cn.zjdata.portal.common;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProblemResponsesTest {

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/api/no/such/thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/no/such/thing"));
    }

    @Test
    void aWrongMethodIsA405ProblemThatSaysWhatIsAllowed() {
        given().post("/api/datasets").then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", containsString("POST"));
    }

    @Test
    void anUnacceptableMediaTypeIsA406Problem() {
        given().accept("application/xml").get("/api/indicators").then().statusCode(406)
                .header("Content-Type", startsWith("application/problem+json"))
                .body(containsString("\"status\":406"));
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aUrlWithBrokenPercentEncodingIsRefusedAsABadRequest() throws Exception {
        // No HTTP client will send such a URL, so it goes over a plain socket. The HTTP layer refuses it
        // before any resource runs (with an empty body): a 400, never a 500.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /api/datasets/%E0%A4%A HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertFalse(response.contains("Exception"), response);
        }
    }

    @Test
    void theApiRootListsItsEntryPoints() {
        given().get("/api").then().statusCode(200)
                .body("datasets", endsWith("/api/datasets"))
                .body("indicators", endsWith("/api/indicators"));
    }
}
