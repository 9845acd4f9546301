package cn.zjdata.portal.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one part of a request: a parameter, a metadata field, or a cell of an upload.
 * {@code field} always names the place in words a person can follow ("row 17, column 年份");
 * {@code row}, {@code column} and {@code value} are given for cells so machines need not parse it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Long row, String column, String value) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, null, null);
    }

    public static FieldError cell(long row, String column, String value, String message) {
        return new FieldError("row " + row + ", column " + column, message, row, column, value);
    }
}
