package cn.zjdata.portal.security;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources a staff browser session can change things through: their unsafe requests go through
 * {@link CsrfFilter}. Every resource under {@code /staff} or {@code /api/staff} with a write method carries
 * it (a test checks that).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CsrfChecked {
}
