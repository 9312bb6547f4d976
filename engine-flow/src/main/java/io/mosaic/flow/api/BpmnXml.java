package io.mosaic.flow.api;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import java.io.StringReader;

/** BPMN documents read the one safe way: DTDs and external entities off, namespaces on. */
public final class BpmnXml {

    static final XMLInputFactory FACTORY = secureFactory();

    private BpmnXml() {
    }

    /**
     * Reads a document into Flowable's model.
     *
     * @throws XMLStreamException when it is not well-formed
     * @throws RuntimeException   when Flowable cannot make a BPMN model of it
     */
    public static BpmnModel read(String content) throws XMLStreamException {
        return new BpmnXMLConverter().convertToBpmnModel(FACTORY.createXMLStreamReader(new StringReader(content)));
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
