package cn.zjdata.portal.linkeddata;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/** The vocabularies the projection writes, as Jena nodes. The portal's own (zjde:) depends on the base URI: see {@link Uris}. */
public final class Vocab {

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String QB = "http://purl.org/linked-data/cube#";
    public static final String SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#";
    public static final String DQV = "http://www.w3.org/ns/dqv#";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String CSVW = "http://www.w3.org/ns/csvw#";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String ADMS = "http://www.w3.org/ns/adms#";
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String SCHEMA = "http://schema.org/";
    public static final String IANA_MEDIA = "http://www.iana.org/assignments/media-types/";
    public static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    public static final String EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/";
    public static final String EU_THEMES = "http://publications.europa.eu/resource/authority/data-theme";
    public static final String ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";
    public static final String DCATAP = "http://data.europa.eu/r5r/";
    public static final String EU_PLANNED_AVAILABILITY = "http://publications.europa.eu/resource/authority/planned-availability/";

    private Vocab() {
    }

    public static Node iri(String namespace, String local) {
        return NodeFactory.createURI(namespace + local);
    }

    public static final Node TYPE = iri(RDF, "type");
    public static final Node VALUE = iri(RDF, "value");
    public static final Node LABEL = iri(RDFS, "label");

    public static Node dcat(String local) {
        return iri(DCAT, local);
    }

    public static Node dct(String local) {
        return iri(DCT, local);
    }

    public static Node skos(String local) {
        return iri(SKOS, local);
    }

    public static Node foaf(String local) {
        return iri(FOAF, local);
    }

    public static Node org(String local) {
        return iri(ORG, local);
    }

    public static Node prov(String local) {
        return iri(PROV, local);
    }

    public static Node qb(String local) {
        return iri(QB, local);
    }

    public static Node dqv(String local) {
        return iri(DQV, local);
    }

    public static Node oa(String local) {
        return iri(OA, local);
    }

    public static Node vcard(String local) {
        return iri(VCARD, local);
    }

    public static Node spdx(String local) {
        return iri(SPDX, local);
    }

    public static Node voidTerm(String local) {
        return iri(VOID, local);
    }

    /** Prefixes for readable Turtle and JSON-LD; zjde: is added per base URI. */
    public static PrefixMapping prefixes(String zjdeNamespace) {
        return PrefixMapping.Factory.create()
                .setNsPrefix("rdf", RDF).setNsPrefix("rdfs", RDFS).setNsPrefix("xsd", XSD).setNsPrefix("owl", OWL)
                .setNsPrefix("dcat", DCAT).setNsPrefix("dct", DCT).setNsPrefix("skos", SKOS).setNsPrefix("foaf", FOAF)
                .setNsPrefix("org", ORG).setNsPrefix("prov", PROV).setNsPrefix("qb", QB)
                .setNsPrefix("sdmx-attribute", SDMX_ATTRIBUTE).setNsPrefix("dqv", DQV).setNsPrefix("oa", OA)
                .setNsPrefix("csvw", CSVW).setNsPrefix("vcard", VCARD).setNsPrefix("adms", ADMS)
                .setNsPrefix("spdx", SPDX).setNsPrefix("void", VOID).setNsPrefix("hydra", HYDRA)
                .setNsPrefix("schema", SCHEMA).setNsPrefix("dcatap", DCATAP).setNsPrefix("zjde", zjdeNamespace)
                .lock();
    }
}
