package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.publishing.TableProfile;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.CsvTables;
import cn.zjdata.portal.tabular.Datatype;
import cn.zjdata.portal.tabular.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset's own graph: its current release's rows as RDF by the CSVW csv2rdf conventions (minimal
 * mode), and, for a table of a known profile, the resources the vocabulary maps its rows to
 * (indicator series, cube observations, plan tasks and targets, organisations, city roles).
 * Rows stream from the stored file straight into the store, in constant memory.
 */
@ApplicationScoped
public class TableProjector {

    private final Uris uris;
    private final PortalUris portal;
    private final ProfileProjector profiles;

    public TableProjector(Uris uris, PortalUris portal, ProfileProjector profiles) {
        this.uris = uris;
        this.portal = portal;
        this.profiles = profiles;
    }

    /** What to project: the dataset, its current release, the release's stored file and schema. */
    public record Table(String slug, int release, Path file, TableSchema schema, TableProfile profile) {
    }

    public void project(Table table, Emit out) throws IOException {
        // csv2rdf: property URLs are "{table url}#{column name}" against the dataset's stable CSV URL, and each
        // row is named by its RFC 7111 fragment in the release's own CSV (row=2 is the first data row).
        String tableUrl = portal.resolve("api/datasets/" + table.slug() + "/data.csv");
        String releaseUrl = portal.resolve("api/datasets/" + table.slug() + "/releases/" + table.release() + "/data.csv");
        List<Column> columns = table.schema().columns();
        Node[] properties = new Node[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            properties[i] = NodeFactory.createURI(tableUrl + "#" + Uris.segment(columns.get(i).name()));
        }
        ProfileProjector.RowMapper mapper = profiles.mapperFor(table, out);
        CsvTables.readNamed(table.file(), table.schema(), row -> {
            Node subject = NodeFactory.createURI(releaseUrl + "#row=" + row.number());
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.value(columns.get(i).name());
                if (value instanceof List<?> items) {
                    for (Object item : items) {
                        out.add(subject, properties[i], literal(columns.get(i).datatype(), item));
                    }
                } else if (value != null) {
                    out.add(subject, properties[i], literal(columns.get(i).datatype(), value));
                }
            }
            if (mapper != null) {
                mapper.row(row);
            }
        });
        if (mapper != null) {
            mapper.finish();
        }
    }

    /** A typed literal for a cell, by the column's datatype (CSVW: strings are plain xsd:string). */
    static Node literal(Datatype datatype, Object value) {
        RDFDatatype type = switch (datatype) {
            case STRING -> XSDDatatype.XSDstring;
            case INTEGER -> XSDDatatype.XSDinteger;
            case DECIMAL -> XSDDatatype.XSDdecimal;
            case BOOLEAN -> XSDDatatype.XSDboolean;
            case DATE -> XSDDatatype.XSDdate;
            case YEAR -> XSDDatatype.XSDgYear;
        };
        String lexical = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        return NodeFactory.createLiteralDT(lexical, type);
    }
}
