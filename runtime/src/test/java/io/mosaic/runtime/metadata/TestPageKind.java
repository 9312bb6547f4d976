package io.mosaic.runtime.metadata;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.LocalizedText;

/** An XML kind for the repository's tests: a well-formed document whose root element is {@code <page>}. */
public class TestPageKind implements DefinitionKind {

    @Override
    public String key() {
        return "testpage";
    }

    @Override
    public String fileSuffix() {
        return ".testpage.xml";
    }

    @Override
    public DefinitionFormat format() {
        return DefinitionFormat.XML;
    }

    @Override
    public LocalizedText label() {
        return new LocalizedText("测试页面", "Test page");
    }

    @Override
    public List<DefinitionProblem> validate(String key, String content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(content)));
            String root = document.getDocumentElement().getTagName();
            return root.equals("page") ? List.of()
                    : List.of(DefinitionProblem.at(root, "The root element must be <page>"));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return List.of(DefinitionProblem.at("", "Not well-formed XML: " + e.getMessage()));
        }
    }
}
