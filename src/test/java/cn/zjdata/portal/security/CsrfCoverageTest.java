package cn.zjdata.portal.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource a staff session can change things through — any class with a write method whose path
 * starts with /staff or /api/staff — is bound to the CSRF filter. A new staff resource without it fails here.
 */
class CsrfCoverageTest {

    @Test
    void everyStaffResourceWithAWriteMethodIsCsrfChecked() throws IOException, URISyntaxException {
        java.nio.file.Path root = java.nio.file.Path.of(CsrfChecked.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> unprotected = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("cn/zjdata/portal"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path path = type.getAnnotation(Path.class);
                if (path == null || !(path.value().startsWith("/staff") || path.value().startsWith("/api/staff"))) {
                    continue;
                }
                boolean writes = Arrays.stream(type.getDeclaredMethods()).anyMatch(CsrfCoverageTest::writes);
                if (writes && !type.isAnnotationPresent(CsrfChecked.class)) {
                    unprotected.add(name);
                } else if (writes) {
                    checked.add(name);
                }
            }
        }
        assertTrue(unprotected.isEmpty(), "staff resources without @CsrfChecked: " + unprotected);
        assertTrue(checked.size() >= 5, "the scan found the staff resources: " + checked);
    }

    private static boolean writes(Method m) {
        return m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class)
                || m.isAnnotationPresent(PATCH.class);
    }
}
