package cn.zjdata.portal.publishing;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.TableSchema;
import cn.zjdata.portal.tabular.TableValidator;
import cn.zjdata.portal.tabular.ValidationReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A UTF-8 CSV checked against its schema while it is copied, canonical, to the file store's staging area. */
final class ValidatedTables {

    private ValidatedTables() {
    }

    record Checked(FileStore.Staged file, long rowCount) {
    }

    /** Stages the table or, when it does not match the schema, stages nothing and throws a 422 with the report. */
    static Checked stage(FileStore files, Path table, TableSchema schema) {
        ValidationReport[] report = new ValidationReport[1];
        FileStore.Staged staged;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(table),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            staged = files.stage(out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                report[0] = TableValidator.copyValidated(reader, schema, writer);
                writer.flush();
            });
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("The table is not valid UTF-8 text",
                    List.of(FieldError.of("file", "the file is not UTF-8 encoded text")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!report[0].valid()) {
            files.discard(staged);
            throw new ProblemException(422, "/problems/invalid-table", "The table does not match its schema",
                    report[0].summary(), report[0].errors());
        }
        return new Checked(staged, report[0].rowCount());
    }
}
