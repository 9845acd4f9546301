package cn.zjdata.portal.web;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's static files (stylesheet, script, icons) from {@code src/main/resources/web}, served under
 * names that carry a digest of their content ({@code app.3f9a0c21d4.css}): a changed file gets a new URL,
 * so every asset can be cached for a year without ever being stale.
 */
@ApplicationScoped
public class Assets {

    /** The files that may be served, by plain name, with their media types. */
    static final Map<String, String> FILES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml",
            "staff.css", "text/css; charset=utf-8",
            "staff.js", "text/javascript; charset=utf-8");

    /** An asset's bytes, the name it is served under, and its media type. */
    public record Asset(String name, String fingerprinted, byte[] bytes, String mediaType, String digest) {
    }

    private final Map<String, Asset> byName = new ConcurrentHashMap<>();
    private final Map<String, Asset> byFingerprintedName = new ConcurrentHashMap<>();

    public Assets() {
        FILES.forEach((name, type) -> {
            byte[] bytes = read(name);
            String digest = digest(bytes);
            int dot = name.lastIndexOf('.');
            String fingerprinted = name.substring(0, dot) + "." + digest.substring(0, 10) + name.substring(dot);
            Asset asset = new Asset(name, fingerprinted, bytes, type, digest);
            byName.put(name, asset);
            byFingerprintedName.put(fingerprinted, asset);
        });
    }

    /** The URL of an asset by its plain name; a name that is not an asset is a programming error. */
    public String url(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("No asset named " + name);
        }
        return "/assets/" + asset.fingerprinted();
    }

    public Optional<Asset> byFingerprintedName(String name) {
        return Optional.ofNullable(byFingerprintedName.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the build's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
