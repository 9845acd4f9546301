package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The upload size limit ({@code portal.publishing.max-upload-size}, default 1 GiB): a request whose
 * Content-Length is over it is refused with 413 before its body is read, and a body without a length
 * (chunked) is refused with 413 as soon as it has passed the limit while it is streamed to disk.
 */
public class UploadLimits {

    private static final Pattern UPLOAD_PATH = Pattern.compile("/(api/)?staff/datasets/[^/]+/uploads/?");

    @ConfigMapping(prefix = "portal.publishing")
    public interface PublishingLimits {
        /** The largest upload accepted (CSV or XLSX, as sent). */
        @WithDefault("1G")
        MemorySize maxUploadSize();
    }

    private final PublishingLimits limits;

    public UploadLimits(PublishingLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public void declaredLength(HttpServerRequest request) {
        if (!"POST".equals(request.method().name()) || !UPLOAD_PATH.matcher(request.path()).matches()) {
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                long bytes = Long.parseLong(length.strip());
                if (bytes > limits.maxUploadSize().asLongValue()) {
                    throw tooLarge(limits.maxUploadSize().asLongValue(), bytes);
                }
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("Content-Length", "is not a number");
            }
        }
    }

    /** Streams a request body to a file, refusing (413) once it passes the limit. */
    public void copy(InputStream body, Path target) throws IOException {
        long limit = limits.maxUploadSize().asLongValue();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit, -1);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Refuses a file already received (multipart parts are written to disk before the resource runs). */
    public void check(Path received) throws IOException {
        long size = Files.size(received);
        if (size > limits.maxUploadSize().asLongValue()) {
            throw tooLarge(limits.maxUploadSize().asLongValue(), size);
        }
    }

    private static ProblemException tooLarge(long limit, long size) {
        String what = size < 0 ? "The upload is larger" : "The upload is " + size + " bytes, larger";
        return new ProblemException(413, "/problems/too-large", "Upload too large",
                what + " than the portal accepts (" + limit + " bytes, portal.publishing.max-upload-size)",
                List.of(FieldError.of("file", "is larger than " + limit + " bytes")));
    }
}
