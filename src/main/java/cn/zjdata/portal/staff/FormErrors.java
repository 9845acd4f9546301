package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The field errors of a problem, as a re-rendered form shows them: beside each field (by the field name the
 * service used, which is also the form field's name) and all together in a summary at the top.
 */
public record FormErrors(List<FieldError> all) {

    public static final FormErrors NONE = new FormErrors(List.of());

    public FormErrors {
        all = List.copyOf(all);
    }

    public static FormErrors of(List<FieldError> errors) {
        return errors.isEmpty() ? NONE : new FormErrors(errors);
    }

    public boolean any() {
        return !all.isEmpty();
    }

    public boolean has(String field) {
        return all.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** The messages about one field, joined; empty when there are none. */
    public String of(String field) {
        return all.stream().filter(e -> field.equals(e.field())).map(FieldError::message).collect(Collectors.joining("; "));
    }
}
