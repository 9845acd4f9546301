package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.LocalizedText;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.math.BigDecimal;
import java.time.Instant;

/** Writes triples into one named graph of the store (or any sink), skipping empty values. */
final class Emit {

    /** Where the triples go. */
    @FunctionalInterface
    interface Sink {
        void add(Node s, Node p, Node o);
    }

    private final Sink sink;

    Emit(Sink sink) {
        this.sink = sink;
    }

    void add(Node s, Node p, Node o) {
        if (s != null && p != null && o != null) {
            sink.add(s, p, o);
        }
    }

    void type(Node s, Node... types) {
        for (Node type : types) {
            add(s, Vocab.TYPE, type);
        }
    }

    /** A language-tagged text; nothing when blank. */
    void text(Node s, Node p, String text, String language) {
        if (text != null && !text.isBlank()) {
            add(s, p, NodeFactory.createLiteralLang(text.strip(), language));
        }
    }

    /** Both languages of a text. */
    void texts(Node s, Node p, LocalizedText text) {
        if (text != null) {
            text(s, p, text.zh(), "zh");
            text(s, p, text.en(), "en");
        }
    }

    /** A plain string; nothing when null. */
    void string(Node s, Node p, String value) {
        if (value != null && !value.isEmpty()) {
            add(s, p, NodeFactory.createLiteralString(value));
        }
    }

    void typed(Node s, Node p, String lexical, RDFDatatype datatype) {
        if (lexical != null && !lexical.isEmpty()) {
            add(s, p, NodeFactory.createLiteralDT(lexical, datatype));
        }
    }

    void decimal(Node s, Node p, BigDecimal value) {
        if (value != null) {
            typed(s, p, value.stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
        }
    }

    void dateTime(Node s, Node p, Instant value) {
        if (value != null) {
            typed(s, p, value.toString(), XSDDatatype.XSDdateTime);
        }
    }

    /** A year ("2017") as xsd:gYear or a date ("2018-09-14") as xsd:date. */
    void period(Node s, Node p, String value) {
        if (value != null && !value.isEmpty()) {
            typed(s, p, value, value.length() == 4 ? XSDDatatype.XSDgYear : XSDDatatype.XSDdate);
        }
    }

    Node blank() {
        return NodeFactory.createBlankNode();
    }
}
