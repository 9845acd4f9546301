package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.Preconditions;
import cn.zjdata.portal.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/**
 * The dumps: {@code /dumps/all.nq.gz} (the whole store, gzipped N-Quads) and {@code /dumps/catalog.ttl}
 * (the DCAT catalog graph), rewritten after every publish.
 */
@jakarta.ws.rs.Path("/dumps")
@Tag(name = "Linked data")
public class DumpResource {

    private final Dumps dumps;

    public DumpResource(Dumps dumps) {
        this.dumps = dumps;
    }

    @GET
    @jakarta.ws.rs.Path("{name}")
    @Operation(summary = "A dump of the store", description = "all.nq.gz (everything, N-Quads, gzip) or catalog.ttl (the DCAT catalog, Turtle)")
    public Response dump(@PathParam("name") String name, @Context HttpHeaders headers, @Context Request request)
            throws IOException {
        Dumps.Opened dump = dumps.open(name).orElseThrow(() -> new ProblemException(404, "/problems/not-found", "Not found",
                "There is no dump '" + name + "'; the dumps are " + Dumps.ALL + " and " + Dumps.CATALOG, List.of()));
        FileChannel channel = dump.channel();
        try {
            Instant modified = dump.modified().truncatedTo(ChronoUnit.SECONDS);
            Response.ResponseBuilder builder = switch (Preconditions.evaluate(headers, dump.tag(), modified)) {
                case NOT_MODIFIED -> {
                    channel.close();
                    yield Response.notModified();
                }
                case PRECONDITION_FAILED -> throw new ProblemException(412, "/problems/precondition-failed",
                        "Precondition failed", "The dump has been rewritten", List.of());
                case PROCEED -> "HEAD".equals(request.getMethod())
                        ? headOnly(channel, name)
                        : Response.ok((StreamingOutput) out -> {
                            try (channel; var in = Channels.newInputStream(channel)) {
                                in.transferTo(out);
                            }
                        }, Dumps.ALL.equals(name) ? "application/gzip" : "text/turtle; charset=utf-8")
                        .header(HttpHeaders.CONTENT_LENGTH, channel.size())
                        .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            };
            return builder.tag(new EntityTag(dump.tag())).lastModified(Date.from(modified))
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate")
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Length")
                    .build();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A HEAD answer: the headers a GET would carry, and the channel closed at once (no body will read it). */
    private static Response.ResponseBuilder headOnly(FileChannel channel, String name) throws IOException {
        long size = channel.size();
        channel.close();
        return Response.ok().type(Dumps.ALL.equals(name) ? "application/gzip" : "text/turtle; charset=utf-8")
                .header(HttpHeaders.CONTENT_LENGTH, size);
    }
}
