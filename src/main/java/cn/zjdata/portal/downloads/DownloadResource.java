package cn.zjdata.portal.downloads;

import cn.zjdata.portal.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stable download URLs: {@code /api/datasets/{id}/data.csv} always serves the latest release, and
 * {@code /api/datasets/{id}/releases/{n}/data.csv} serves release n forever.
 */
@Path("/api/datasets/{id}")
@Tag(name = "Downloads", description = "Every dataset as CSV, Excel-friendly CSV and JSON, with its CSVW metadata")
public class DownloadResource {

    private final DownloadService downloads;
    private final DownloadResponses responses;

    public DownloadResource(DownloadService downloads, DownloadResponses responses) {
        this.downloads = downloads;
        this.responses = responses;
    }

    @Context
    HttpHeaders headers;
    @Context
    Request request;
    @Context
    HttpServerResponse connection;

    private Response download(String id, Integer number, DownloadFormat format) {
        return responses.respond(downloads.resolve(id, number, format), headers, request.getMethod(), connection);
    }

    @GET
    @Path("data.csv")
    @Produces("text/csv")
    @Operation(summary = "Latest release as CSV", description = "UTF-8 CSV. With excel=true: a UTF-8 byte-order mark, "
            + "and text cells starting with = + - @ prefixed with an apostrophe so spreadsheets do not run them.")
    public Response latestCsv(@PathParam("id") String id,
                              @Parameter(description = "true for the Excel-friendly variant") @QueryParam("excel") String excel) {
        return download(id, null, csvFormat(excel));
    }

    @GET
    @Path("data.json")
    @Produces("application/json")
    @Operation(summary = "Latest release as JSON", description = "An array of records, values typed by the column schema.")
    public Response latestJson(@PathParam("id") String id) {
        return download(id, null, DownloadFormat.JSON);
    }

    @GET
    @Path("csv-metadata.json")
    @Produces("application/csvm+json")
    @Operation(summary = "CSVW metadata of the latest release")
    public Response latestMetadata(@PathParam("id") String id) {
        return download(id, null, DownloadFormat.CSVW);
    }

    @GET
    @Path("releases/{number: \\d+}/data.csv")
    @Produces("text/csv")
    @Operation(summary = "A release as CSV")
    public Response releaseCsv(@PathParam("id") String id, @PathParam("number") int number,
                               @QueryParam("excel") String excel) {
        return download(id, number, csvFormat(excel));
    }

    @GET
    @Path("releases/{number: \\d+}/data.json")
    @Produces("application/json")
    @Operation(summary = "A release as JSON")
    public Response releaseJson(@PathParam("id") String id, @PathParam("number") int number) {
        return download(id, number, DownloadFormat.JSON);
    }

    @GET
    @Path("releases/{number: \\d+}/csv-metadata.json")
    @Produces("application/csvm+json")
    @Operation(summary = "CSVW metadata of a release")
    public Response releaseMetadata(@PathParam("id") String id, @PathParam("number") int number) {
        return download(id, number, DownloadFormat.CSVW);
    }

    private static DownloadFormat csvFormat(String excel) {
        if (excel == null || excel.isBlank() || excel.equalsIgnoreCase("false") || excel.equals("0")) {
            return DownloadFormat.CSV;
        }
        if (excel.equalsIgnoreCase("true") || excel.equals("1")) {
            return DownloadFormat.EXCEL_CSV;
        }
        throw ProblemException.badParameter("excel", "must be true or false, was '" + excel + "'");
    }
}
