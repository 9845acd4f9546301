package cn.zjdata.portal.sparql;

import cn.zjdata.portal.linkeddata.Uris;
import cn.zjdata.portal.linkeddata.Vocab;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * The example queries of the query page, written against the portal's vocabulary
 * ({@code ontology/README.md}, "From the CSV columns to RDF"). Their PREFIX lines follow the configured
 * base URI.
 */
@ApplicationScoped
public class ExampleQueries {

    private final List<ExampleQuery> examples;

    public ExampleQueries(Uris uris) {
        String series = "<" + uris.indicator("digital-economy-value-added").getURI() + ">";
        String prefixes = """
                PREFIX zjde: <%s>
                PREFIX skos: <%s>
                PREFIX dct:  <%s>
                PREFIX dcat: <%s>
                PREFIX xsd:  <%s>
                """.formatted(uris.zjdeNamespace(), Vocab.SKOS, Vocab.DCT, Vocab.DCAT, Vocab.XSD);
        this.examples = List.of(
                new ExampleQuery("targets-2022", "2022 年的全部目标值", "Every target for 2022",
                        "各规划文件为 2022 年设定的指标目标：指标、原文数值与来源文件。",
                        "The targets the plans set for 2022: indicator, the value as printed, and the source document.",
                        prefixes + """
                                SELECT ?indicator ?name ?comparator ?valueAsPrinted ?printedUnit ?document ?title WHERE {
                                  ?o zjde:observationKind zjde:kind-target ;
                                     zjde:refYear "2022"^^xsd:gYear ;
                                     zjde:indicator ?indicator ;
                                     zjde:valueAsPrinted ?valueAsPrinted ;
                                     zjde:printedUnit ?printedUnit ;
                                     zjde:sourceDocument ?document .
                                  OPTIONAL { ?o zjde:comparator/skos:notation ?comparator }
                                  OPTIONAL { ?indicator skos:prefLabel ?name FILTER(lang(?name) = "zh") }
                                  OPTIONAL { ?document dct:title ?title FILTER(lang(?title) = "zh") }
                                }
                                ORDER BY ?indicator ?document
                                """),
                new ExampleQuery("missed-2020", "2020 年实际值未达到目标的指标", "Indicators whose 2020 actual missed the 2020 target",
                        "比较同一指标 2020 年的实际值与目标值，并考虑比较符（≥、>、≤、<）与指标的进步方向。",
                        "Compares each indicator's 2020 actual with its 2020 target, minding the comparator (≥, >, ≤, <) "
                        + "and whether larger or smaller is better.",
                        prefixes + """
                                SELECT DISTINCT ?indicator ?name ?comparator ?target ?actual ?actualSource WHERE {
                                  ?t zjde:indicator ?indicator ; zjde:refYear "2020"^^xsd:gYear ;
                                     zjde:observationKind zjde:kind-target ; zjde:value ?target ;
                                     zjde:comparator ?cmp .
                                  ?a zjde:indicator ?indicator ; zjde:refYear "2020"^^xsd:gYear ;
                                     zjde:observationKind zjde:kind-actual ; zjde:value ?actual ;
                                     zjde:sourceDocument ?actualSource .
                                  ?cmp skos:notation ?comparator .
                                  OPTIONAL { ?indicator zjde:direction ?direction }
                                  OPTIONAL { ?indicator skos:prefLabel ?name FILTER(lang(?name) = "zh") }
                                  BIND(COALESCE(?direction, zjde:direction-increase) AS ?better)
                                  FILTER(
                                       (?cmp = zjde:comparator-ge && ?actual < ?target)
                                    || (?cmp = zjde:comparator-gt && ?actual <= ?target)
                                    || (?cmp = zjde:comparator-le && ?actual > ?target)
                                    || (?cmp = zjde:comparator-lt && ?actual >= ?target)
                                    || (?cmp IN (zjde:comparator-eq, zjde:comparator-approx)
                                        && ((?better = zjde:direction-increase && ?actual < ?target)
                                         || (?better = zjde:direction-decrease && ?actual > ?target)))
                                  )
                                }
                                ORDER BY ?indicator
                                """),
                new ExampleQuery("busiest-departments", "承担任务目标最多的责任单位", "Departments responsible for the most task targets",
                        "按责任单位统计《数字经济五年倍增计划》任务目标的数量。",
                        "Counts the task targets each responsible unit carries.",
                        prefixes + """
                                SELECT ?unit ?name (COUNT(DISTINCT ?target) AS ?targets) WHERE {
                                  ?target a zjde:TaskTarget ;
                                          zjde:responsibleUnit ?unit .
                                  OPTIONAL { ?unit skos:prefLabel ?name FILTER(lang(?name) = "zh") }
                                }
                                GROUP BY ?unit ?name
                                ORDER BY DESC(?targets) ?unit
                                LIMIT 20
                                """),
                new ExampleQuery("one-series", "一个指标序列的全部数值", "Every figure of one indicator series",
                        "数字经济增加值历年的基期值、目标值与实际值（规范单位：亿元），附原文数值、来源文件与章节。",
                        "The baselines, targets and actuals of the digital-economy value added over the years (in its "
                        + "canonical unit, 100 million yuan), with the value as printed, the source document and section.",
                        prefixes + """
                                SELECT ?year ?kind ?comparator ?value ?valueAsPrinted ?printedUnit ?document ?section WHERE {
                                  ?o zjde:indicator %s ;
                                     zjde:refYear ?year ;
                                     zjde:observationKind/skos:notation ?kind ;
                                     zjde:value ?value ;
                                     zjde:sourceDocument ?document ;
                                     zjde:section ?section .
                                  OPTIONAL { ?o zjde:comparator/skos:notation ?comparator }
                                  OPTIONAL { ?o zjde:valueAsPrinted ?valueAsPrinted ; zjde:printedUnit ?printedUnit }
                                }
                                ORDER BY ?year ?kind
                                """.formatted(series)),
                new ExampleQuery("theme-datasets", "某一主题的数据集", "Datasets of a theme",
                        "目录中主题为“经济和金融”的数据集（DCAT），及其当前版本。",
                        "The catalog's datasets on the theme \"Economy and finance\" (DCAT), with their current version.",
                        prefixes + """
                                SELECT ?dataset ?title ?version ?modified WHERE {
                                  ?catalog a dcat:Catalog ; dcat:dataset ?dataset .
                                  ?dataset dcat:theme <%s/ECON> ;
                                           dct:title ?title .
                                  FILTER(lang(?title) = "zh")
                                  OPTIONAL { ?dataset dcat:version ?version }
                                  OPTIONAL { ?dataset dct:modified ?modified }
                                }
                                ORDER BY ?title
                                """.formatted(Vocab.EU_THEMES)),
                new ExampleQuery("describe-indicator", "描述一个指标", "Describe an indicator",
                        "数字经济增加值这一指标序列的全部属性（DESCRIBE，结果为 RDF 图）。",
                        "Everything said about the indicator series digital-economy value added (DESCRIBE answers a graph).",
                        prefixes + """
                                DESCRIBE %s
                                """.formatted(series)));
    }

    public List<ExampleQuery> list() {
        return examples;
    }

    public Optional<ExampleQuery> find(String id) {
        return examples.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
