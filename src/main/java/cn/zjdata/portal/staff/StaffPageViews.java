package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.staff.StaffViews.DatasetSummary;
import cn.zjdata.portal.staff.StaffViews.UploadView;
import cn.zjdata.portal.web.IndicatorCards.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the staff pages' templates show: view records only, built by {@link StaffPageModels}. */
public final class StaffPageViews {

    private StaffPageViews() {
    }

    /** Who is signed in, and the session's CSRF token every form of the page carries. */
    public record Signed(String username, String role, boolean admin, boolean reviewer, String csrf) {
    }

    /** One entry of a select or a group of checkboxes; {@code lang} is the language of its label. */
    public record Option(String value, String label, String lang) {
    }

    /** The reference values the metadata form offers. */
    public record Choices(List<Option> publishers, List<Option> themes, List<Option> licenses, List<Option> frequencies,
                          List<Option> places, List<Option> datatypes) {
    }

    /** A message after a redirect: what was just done ({@link #KINDS}), and the release it concerned. */
    public record Notice(String kind, Integer release) {
        static final Set<String> KINDS = Set.of("created", "saved", "published", "submitted", "release-withdrawn",
                "dataset-withdrawn");

        /** The notice a redirect asked for ({@code ?notice=…&release=…}); unknown kinds show nothing. */
        static Notice of(String kind, String release) {
            if (kind == null || !KINDS.contains(kind)) {
                return null;
            }
            Long number = MetadataForm.parseVersion(release);
            return new Notice(kind, number == null || number < 1 || number > Integer.MAX_VALUE ? null : number.intValue());
        }
    }

    /**
     * The errors of a refused form: each under the form field it concerns (see {@link MetadataForm#fieldOf}),
     * the others listed in the summary at the top with the problem's detail.
     */
    public record FormErrors(int status, String detail, Map<String, List<String>> byField, List<FieldError> unmatched) {

        public static FormErrors none() {
            return new FormErrors(200, null, Map.of(), List.of());
        }

        /**
         * The errors of a refused form whose inputs are named in {@code fields} (problem field → form field);
         * the others go to the summary. A problem without field errors is shown under {@code fallback} when given.
         */
        public static FormErrors of(ProblemException problem, Map<String, String> fields, String fallback) {
            Map<String, List<String>> byField = new LinkedHashMap<>();
            List<FieldError> unmatched = new ArrayList<>();
            for (FieldError e : problem.errors()) {
                String field = fields.get(e.field());
                if (field == null) {
                    unmatched.add(e);
                } else {
                    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(e.message());
                }
            }
            if (fallback != null && problem.errors().isEmpty()) {
                byField.computeIfAbsent(fallback, f -> new ArrayList<>()).add(problem.getMessage());
            }
            return new FormErrors(problem.status(), problem.getMessage(), byField, unmatched);
        }

        public boolean any() {
            return status >= 400;
        }

        public List<String> of(String field) {
            return byField.getOrDefault(field, List.of());
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        /** The errors of one part (name, title_zh, title_en, datatype, unit, row) of a column row. */
        public List<String> column(int row, String part) {
            return of(MetadataForm.columnField(row, part));
        }

        public boolean columnHas(int row, String part) {
            return has(MetadataForm.columnField(row, part));
        }

        /** The errors of the form withdrawing release {@code number}. */
        public List<String> withdrawal(int number) {
            return of("withdraw." + number + ".reason");
        }

        public boolean withdrawalHas(int number) {
            return has("withdraw." + number + ".reason");
        }
    }

    /** The metadata form's values, as saved or as posted. */
    public record MetadataValues(boolean editing, String identifier, String titleZh, String titleEn,
                                 String descriptionZh, String descriptionEn, String publisher, List<String> themes,
                                 String keywordsZh, String keywordsEn, String license, String frequency,
                                 String temporalStart, String temporalEnd, String spatial, List<ColumnRow> columns,
                                 String primaryKey, Long expectedVersion) {
    }

    /**
     * One row of the column table. {@code original} is the column's name as saved, so that what the form does
     * not show (descriptions, allowed values, ranges, list separators) is kept when the row is renamed.
     */
    public record ColumnRow(int index, String original, String name, String titleZh, String titleEn, String datatype,
                            boolean required, String unit) {
        public int number() {
            return index + 1;
        }

        /** The id of the list of errors of a part of this row (name, title_zh, title_en, datatype, unit, row). */
        public String errorId(String part) {
            return "m-col-" + index + "-" + part + "-error";
        }
    }

    /** The metadata form page for a new dataset. */
    public record NewDatasetPage(Signed signed, MetadataValues form, Choices choices, FormErrors errors) {
    }

    /** The dashboard: the datasets of the departments the signed-in member acts for. */
    public record Dashboard(Signed signed, List<DatasetRow> datasets) {
    }

    public record DatasetRow(String identifier, Text title, String publisher, String status, Integer currentRelease,
                             boolean pendingMetadata, Instant modifiedAt) {
    }

    /** A refused upload: the problem's status and detail, and its errors (cells with row, column and value). */
    public record UploadReport(int status, String title, String detail, List<FieldError> errors) {
    }

    public record ReleaseRow(int number, String status, Instant issuedAt, String changeNote, String publishedBy,
                             String rows, Instant withdrawnAt, String withdrawalReason, boolean current) {
        public boolean published() {
            return "published".equals(status);
        }

        /** The id of the errors of this release's withdrawal form. */
        public String errorId() {
            return "withdraw-" + number + "-error";
        }
    }

    public record UploadRow(String id, String state, String fileName, Instant uploadedAt, String uploadedBy, String rows) {
    }

    /** A dataset's staff page: its state, what can be done with it, and the result of the last attempt. */
    public record DatasetPage(Signed signed, DatasetSummary dataset, Text title, Text publisher, boolean canPublish,
                              String publicHref, Notice notice, FormErrors errors, UploadReport report,
                              MetadataValues form, Choices choices, List<ReleaseRow> releases, List<UploadRow> uploads,
                              String changeNote) {
        /** A metadata-only release is offered when saved metadata waits and there is data to keep. */
        public boolean offerMetadataOnly() {
            return canPublish && dataset.pendingMetadata() && dataset.currentRelease() != null;
        }

        public boolean withdrawable() {
            return canPublish && "published".equals(dataset.status());
        }
    }

    /** One cell of an example row of the difference: the value before and after, and whether it changed. */
    public record ExampleCell(String before, String after, boolean changed) {
    }

    public record ExampleRow(String kind, List<String> key, List<ExampleCell> cells) {
    }

    /** The difference between an upload and the current release, ready to show. */
    public record DiffView(long added, long removed, long changed, long unchanged, List<String> columnsAdded,
                           List<String> columnsRemoved, List<String> columnsRetyped, boolean reordered, boolean keyed,
                           boolean schemaChanged, boolean identical, List<String> columns, List<ExampleRow> examples) {
    }

    /** A checked upload: what was detected, its first rows, its difference, and the form that publishes it. */
    public record UploadPage(Signed signed, DatasetSummary dataset, Text title, UploadView upload, String size,
                             String rows, String delimiter, DiffView diff, boolean canPublish, FormErrors errors,
                             String changeNote, boolean confirmed) {
        public boolean publishable() {
            return canPublish && "validated".equals(upload.state());
        }
    }

    /** The sign-in form, again with the reason when a sign-in failed. */
    public record SignInPage(String next, String username, int status, String failure, Instant lockedUntil,
                             String csrf, String signedInAs) {
    }
}
