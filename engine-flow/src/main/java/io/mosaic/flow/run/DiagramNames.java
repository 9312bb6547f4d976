package io.mosaic.flow.run;

import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The analyst's diagram with the process elements named in a reader's language: a BPMN holds one name per element,
 * so a viewer that draws the BPMN's labels would show everyone the analyst's language.
 */
public final class DiagramNames {

    private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private DiagramNames() {
    }

    /** {@code bpmnXml} with each element the binding names renamed to its name in {@code language}. */
    public static String in(String bpmnXml, FlowBinding binding, String language) {
        if (binding.names().isEmpty()) {
            return bpmnXml;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(bpmnXml)));
            NodeList elements = document.getElementsByTagNameNS(BPMN_MODEL, "*");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                String id = element.getAttribute("id");
                if (binding.names().containsKey(id)) {
                    element.setAttribute("name", binding.nameOf(id, language, element.getAttribute("name")));
                }
            }
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("A deployed diagram is BPMN that can be read", e);
        }
    }
}
