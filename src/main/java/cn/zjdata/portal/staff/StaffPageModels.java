package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.CsvwMetadata;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.Publisher;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.security.SessionService;
import cn.zjdata.portal.staff.StaffPageViews.Choices;
import cn.zjdata.portal.staff.StaffPageViews.Dashboard;
import cn.zjdata.portal.staff.StaffPageViews.DatasetPage;
import cn.zjdata.portal.staff.StaffPageViews.DatasetRow;
import cn.zjdata.portal.staff.StaffPageViews.DiffView;
import cn.zjdata.portal.staff.StaffPageViews.ExampleCell;
import cn.zjdata.portal.staff.StaffPageViews.ExampleRow;
import cn.zjdata.portal.staff.StaffPageViews.FormErrors;
import cn.zjdata.portal.staff.StaffPageViews.MetadataValues;
import cn.zjdata.portal.staff.StaffPageViews.NewDatasetPage;
import cn.zjdata.portal.staff.StaffPageViews.Notice;
import cn.zjdata.portal.staff.StaffPageViews.Option;
import cn.zjdata.portal.staff.StaffPageViews.ReleaseRow;
import cn.zjdata.portal.staff.StaffPageViews.Signed;
import cn.zjdata.portal.staff.StaffPageViews.UploadPage;
import cn.zjdata.portal.staff.StaffPageViews.UploadReport;
import cn.zjdata.portal.staff.StaffPageViews.UploadRow;
import cn.zjdata.portal.staff.StaffViews.DatasetDetail;
import cn.zjdata.portal.staff.StaffViews.UploadView;
import cn.zjdata.portal.tabular.TableDiff;
import cn.zjdata.portal.web.IndicatorCards.Text;
import cn.zjdata.portal.web.Messages;
import cn.zjdata.portal.web.Quantities;
import cn.zjdata.portal.web.Ui;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the staff pages' view models from the staff service's answers and the reference data, in the
 * reader's language. Reads only; every rule stays in {@link StaffService}.
 */
@RequestScoped
public class StaffPageModels {

    private final Ui ui;
    private final StaffService staff;
    private final SessionService sessions;
    private final AccountService accounts;
    private final ReferenceService reference;
    private final Quantities quantities;
    private final Messages zh;
    private final Messages en;

    public StaffPageModels(Ui ui, StaffService staff, SessionService sessions, AccountService accounts,
                           ReferenceService reference, Quantities quantities, Messages zh, @Localized("en") Messages en) {
        this.ui = ui;
        this.staff = staff;
        this.sessions = sessions;
        this.accounts = accounts;
        this.reference = reference;
        this.quantities = quantities;
        this.zh = zh;
        this.en = en;
    }

    public Signed signed(Actor actor) {
        String csrf = actor.sessionSha256() == null ? null : sessions.csrfToken(actor.sessionSha256()).orElse(null);
        return new Signed(actor.username(), actor.role().code(), actor.isAdmin(),
                actor.role() == Role.ADMIN || actor.role() == Role.REVIEWER, csrf);
    }

    public Dashboard dashboard(Actor actor) {
        String lang = ui.lang();
        Map<String, Text> publishers = publisherNames(lang);
        List<DatasetRow> rows = staff.list(actor).stream()
                .map(d -> new DatasetRow(d.identifier(), Text.of(LocalizedText.of(d.titleZh(), d.titleEn()), lang),
                        publishers.containsKey(d.publisher()) ? publishers.get(d.publisher()).text() : d.publisher(),
                        d.status(), d.currentRelease(), d.pendingMetadata(), d.modifiedAt()))
                .toList();
        return new Dashboard(signed(actor), rows);
    }

    public NewDatasetPage newDataset(Actor actor, MetadataValues values, FormErrors errors) {
        Choices choices = choices(actor, null);
        MetadataValues form = values != null ? values : MetadataForm.blank(first(choices.publishers()),
                first(choices.licenses()), first(choices.frequencies()));
        return new NewDatasetPage(signed(actor), form, choices, errors == null ? FormErrors.none() : errors);
    }

    /** The metadata the dataset's staff see: the saved edit if there is one, else the current release's. */
    public DatasetMetadata metadata(DatasetDetail detail) {
        CsvwMetadata.Parsed parsed = CsvwMetadata.read((JsonNode) detail.metadata());
        if (parsed.metadata() == null) {
            throw new IllegalStateException("stored metadata of " + detail.dataset().identifier() + " does not parse: " + parsed.errors());
        }
        return parsed.metadata();
    }

    /**
     * A dataset's page. {@code form} replaces the saved metadata in the form (after a refused save),
     * {@code errors} and {@code report} say what was refused, {@code changeNote} refills the metadata-only form.
     */
    public DatasetPage dataset(Actor actor, DatasetDetail detail, Notice notice, MetadataValues form, FormErrors errors,
                               UploadReport report, String changeNote) {
        String lang = ui.lang();
        StaffViews.DatasetSummary d = detail.dataset();
        DatasetMetadata saved = metadata(detail);
        Integer current = d.currentRelease();
        List<ReleaseRow> releases = detail.releases().stream()
                .map(r -> new ReleaseRow(r.number(), r.status(), r.issuedAt(), r.changeNote(), r.publishedBy(),
                        quantities.count(r.rows(), lang), r.withdrawnAt(), r.withdrawalReason(),
                        current != null && current == r.number()))
                .toList();
        List<UploadRow> uploads = detail.uploads().stream()
                .filter(u -> u.state().equals("validated") || u.state().equals("submitted") || u.state().equals("rejected"))
                .map(u -> new UploadRow(u.id(), u.state(), u.fileName(), u.uploadedAt(), u.uploadedBy(),
                        quantities.count(u.rows(), lang)))
                .toList();
        Text publisher = publisherNames(lang).getOrDefault(d.publisher(), new Text(d.publisher(), Ui.htmlLang(lang)));
        return new DatasetPage(signed(actor), d, Text.of(LocalizedText.of(d.titleZh(), d.titleEn()), lang), publisher,
                actor.canPublishFor(d.publisher()),
                "published".equals(d.status()) ? "/datasets/" + d.identifier() : null,
                notice, errors == null ? FormErrors.none() : errors, report,
                form != null ? form : MetadataForm.values(saved, true, d.version()),
                choices(actor, saved), releases, uploads, changeNote == null ? "" : changeNote);
    }

    public UploadPage upload(Actor actor, DatasetDetail detail, UploadView upload, FormErrors errors, String changeNote,
                             boolean confirmed) {
        String lang = ui.lang();
        StaffViews.DatasetSummary d = detail.dataset();
        return new UploadPage(signed(actor), d, Text.of(LocalizedText.of(d.titleZh(), d.titleEn()), lang), upload,
                quantities.bytes(upload.byteSize()), quantities.count(upload.rows(), lang), delimiter(upload.delimiter()),
                diff(upload.diff()), actor.canPublishFor(d.publisher()),
                errors == null ? FormErrors.none() : errors, changeNote == null ? "" : changeNote, confirmed);
    }

    /** A refused upload as a report: the problem and its errors (cells first, as the reader found them). */
    public static UploadReport report(ProblemException problem) {
        return new UploadReport(problem.status(), problem.toProblem().title(), problem.getMessage(), problem.errors());
    }

    // --- parts ------------------------------------------------------------------------------

    /** The reference values the metadata form offers, in the reader's language. */
    Choices choices(Actor actor, DatasetMetadata saved) {
        String lang = ui.lang();
        Messages m = Ui.EN.equals(lang) ? en : zh;
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Option> publishers = new ArrayList<>(accounts.departments(actor).stream()
                    .map(p -> option(p.id(), LocalizedText.of(p.nameZh(), p.nameEn()), lang)).toList());
            if (saved != null && saved.publisher() != null
                    && publishers.stream().noneMatch(p -> p.value().equals(saved.publisher()))) {
                reference.findPublisher(saved.publisher())
                        .ifPresent(p -> publishers.add(option(p.id, p.name(), lang)));
            }
            List<Option> datatypes = List.of(
                    new Option("integer", m.type_integer(), Ui.htmlLang(lang)),
                    new Option("decimal", m.type_decimal(), Ui.htmlLang(lang)),
                    new Option("date", m.type_date(), Ui.htmlLang(lang)),
                    new Option("gYear", m.type_year(), Ui.htmlLang(lang)),
                    new Option("string", m.type_text(), Ui.htmlLang(lang)),
                    new Option("boolean", m.type_boolean(), Ui.htmlLang(lang)));
            return new Choices(publishers, concepts(Scheme.THEME, lang, true), concepts(Scheme.LICENSE, lang, true),
                    concepts(Scheme.FREQUENCY, lang, true), concepts(Scheme.PLACE, lang, false), datatypes);
        });
    }

    private List<Option> concepts(Scheme scheme, String lang, boolean byUri) {
        return reference.listConcepts(scheme).stream()
                .map(c -> option(byUri && c.uri != null ? c.uri : c.code(), c.label(), lang))
                .toList();
    }

    private static Option option(String value, LocalizedText label, String lang) {
        Text text = Text.of(label, lang);
        return new Option(value, text.text().isEmpty() ? value : text.text(), text.lang());
    }

    private Map<String, Text> publisherNames(String lang) {
        return QuarkusTransaction.joiningExisting().call(() -> reference.listPublishers().stream()
                .collect(Collectors.toMap(p -> p.id, (Publisher p) -> Text.of(p.name(), lang))));
    }

    private static String first(List<Option> options) {
        return options.isEmpty() ? null : options.getFirst().value();
    }

    /** The delimiter's name for the page: comma, tab, semicolon, pipe, or the character itself. */
    static String delimiter(String delimiter) {
        return switch (delimiter == null ? "" : delimiter) {
            case "," -> "comma";
            case "\t" -> "tab";
            case ";" -> "semicolon";
            case "|" -> "pipe";
            default -> delimiter;
        };
    }

    static DiffView diff(TableDiff diff) {
        if (diff == null) {
            return null;
        }
        Set<String> columns = new LinkedHashSet<>();
        for (TableDiff.RowChange change : diff.examples()) {
            if (change.after() != null) {
                columns.addAll(change.after().keySet());
            }
            if (change.before() != null) {
                columns.addAll(change.before().keySet());
            }
        }
        List<ExampleRow> examples = diff.examples().stream().map(change -> {
            List<String> changed = change.changedColumns();
            List<ExampleCell> cells = columns.stream().map(c -> new ExampleCell(
                    change.before() == null ? null : change.before().get(c),
                    change.after() == null ? null : change.after().get(c),
                    changed.contains(c))).toList();
            return new ExampleRow(change.kind().name().toLowerCase(), change.key(), cells);
        }).toList();
        return new DiffView(diff.rowsAdded(), diff.rowsRemoved(), diff.rowsChanged(), diff.rowsUnchanged(), diff.columnsAdded(), diff.columnsRemoved(), diff.columnsRetyped(),
                diff.columnsReordered(), diff.keyed(), diff.schemaChanged(), diff.identical(), List.copyOf(columns),
                examples);
    }
}
