package cn.zjdata.portal.ontology;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vocabulary in ontology/ parses against a base URI and every term it defines speaks both languages. */
class VocabularyTest {

    private static final String BASE = "http://portal.example/";
    private static final String NS = BASE + "def/zjde#";
    private static Model model;

    @BeforeAll
    static void parse() {
        model = ModelFactory.createDefaultModel();
        RDFParser.source(Path.of("ontology/zjde.ttl")).base(BASE).lang(Lang.TURTLE).parse(model);
    }

    @Test
    void theNamespaceFollowsTheConfiguredBaseUri() throws Exception {
        assertTrue(Files.readAllLines(Path.of("ontology/zjde.ttl")).stream()
                .noneMatch(line -> line.strip().startsWith("@base") || line.strip().toUpperCase().startsWith("BASE ")),
                "no @base directive: the portal supplies the base");
        assertTrue(model.contains(model.createResource(BASE + "def/zjde"), RDF.type, OWL.Ontology));
    }

    @Test
    void everyClassAndPropertyHasLabelsAndDefinitionsInChineseAndEnglish() {
        List<String> problems = new ArrayList<>();
        Set<Resource> types = Set.of(OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
                model.createResource("http://purl.org/linked-data/cube#DimensionProperty"),
                model.createResource("http://purl.org/linked-data/cube#MeasureProperty"),
                model.createResource("http://purl.org/linked-data/cube#AttributeProperty"));
        model.listSubjects().forEachRemaining(term -> {
            if (!term.isURIResource() || !term.getURI().startsWith(NS)) {
                return;
            }
            if (types.stream().noneMatch(t -> term.hasProperty(RDF.type, t))) {
                return;
            }
            for (String language : List.of("zh", "en")) {
                if (!hasText(term, RDFS.label, language)) {
                    problems.add(term.getLocalName() + " has no rdfs:label@" + language);
                }
                if (!hasText(term, SKOS.definition, language) && !hasText(term, RDFS.comment, language)) {
                    problems.add(term.getLocalName() + " has no definition@" + language);
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(model.listSubjectsWithProperty(RDF.type, OWL.Class).toList().stream()
                .anyMatch(c -> c.getURI() != null && c.getURI().equals(NS + "Plan")), "zjde:Plan is a class");
    }

    private static boolean hasText(Resource term, Property property, String language) {
        return term.listProperties(property).toList().stream()
                .map(s -> s.getObject())
                .filter(RDFNode::isLiteral)
                .anyMatch(o -> language.equals(o.asLiteral().getLanguage()) && !o.asLiteral().getString().isBlank());
    }
}
