package cn.zjdata.portal.downloads;

import cn.zjdata.portal.common.Preconditions;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.downloads.DownloadService.Download;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP side of a download: conditional requests (strong ETag per release, format and coding;
 * Last-Modified), caching, gzip when accepted, the file name, and a bound on concurrent conversions
 * (JSON, Excel CSV, gzip), which cost CPU; the plain CSV is a file copy and is never refused.
 */
@ApplicationScoped
public class DownloadResponses {

    private static final Logger LOG = Logger.getLogger(DownloadResponses.class);

    private final DownloadService downloads;
    private final DownloadConfig config;
    private final Semaphore conversions;

    public DownloadResponses(DownloadService downloads, DownloadConfig config) {
        this.downloads = downloads;
        this.config = config;
        this.conversions = new Semaphore(config.maxConcurrentConversions());
    }

    public Response respond(Download d, HttpHeaders headers, String method, HttpServerResponse connection) {
        boolean gzip = AcceptEncoding.acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        String tag = d.release().fileSha256 + "-r" + d.release().number + "-" + d.format().tag + (gzip ? "-gzip" : "");
        Instant lastModified = d.release().issuedAt;
        Preconditions.Outcome outcome = Preconditions.evaluate(headers, tag, lastModified);
        if (outcome == Preconditions.Outcome.PRECONDITION_FAILED) {
            throw new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                    "The release no longer matches If-Match or If-Unmodified-Since", List.of());
        }
        Response.ResponseBuilder builder = outcome == Preconditions.Outcome.NOT_MODIFIED
                ? Response.notModified()
                : Response.ok().type(d.format().mediaType);
        builder.tag(new EntityTag(tag))
                .lastModified(Date.from(lastModified))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CACHE_CONTROL, d.latest()
                        ? "public, max-age=0, must-revalidate"
                        : "public, max-age=" + config.releaseMaxAge());
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            return builder.build();
        }
        builder.header("Content-Disposition", ContentDisposition.attachment(
                d.slug() + "-r" + d.release().number + suffix(d.format()),
                d.title() + "-第" + d.release().number + "版" + suffix(d.format())));
        if (d.format() == DownloadFormat.CSV || d.format() == DownloadFormat.EXCEL_CSV) {
            builder.header("Link", "<csv-metadata.json>; rel=\"describedby\"; type=\"application/csvm+json\"");
        }
        if (gzip) {
            builder.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        boolean copied = d.format() == DownloadFormat.CSV && !gzip;
        if (copied) {
            builder.header(HttpHeaders.CONTENT_LENGTH, d.release().byteSize);
        }
        if ("HEAD".equals(method)) {
            return builder.build();
        }
        if (!copied && !conversions.tryAcquire()) {
            throw new ProblemException(503, "/problems/busy", "Too many downloads at once",
                    "The portal is converting " + config.maxConcurrentConversions()
                    + " downloads already; try again in a few seconds, or download the plain CSV", List.of());
        }
        return builder.entity(body(d, gzip, !copied, connection)).build();
    }

    /**
     * The body, streamed. The plain CSV is the stored file copied as it is (measured faster here than
     * handing the server the file); everything else is a conversion and holds a permit until it ends.
     */
    private StreamingOutput body(Download d, boolean gzip, boolean converting, HttpServerResponse connection) {
        return output -> {
            try (OutputStream out = gzip ? new GZIPOutputStream(unclosable(output), 64 * 1024) : unclosable(output)) {
                downloads.write(d, out);
            } catch (IOException e) {
                if (connection != null && connection.closed()) {
                    LOG.debugf("Client left during the download of %s release %d", d.slug(), d.release().number);
                    return;
                }
                throw e;
            } finally {
                if (converting) {
                    conversions.release();
                }
            }
        };
    }

    /** Lets a writer (gzip, JSON) close what it wrote to without closing the response, which the server ends. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static String suffix(DownloadFormat format) {
        return switch (format) {
            case EXCEL_CSV -> "-excel.csv";
            case CSVW -> "-csv-metadata.json";
            default -> "." + format.extension;
        };
    }
}
