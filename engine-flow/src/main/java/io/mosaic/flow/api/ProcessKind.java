package io.mosaic.flow.api;

import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.LocalizedText;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.validator.Problems;
import org.flowable.validation.ValidationError;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Processes ({@code *.bpmn20.xml}): standard BPMN 2.0 as the Flowable, Camunda 7 and bpmn.io
 * modelers write it, minus everything that would run code an analyst typed.
 *
 * <p>An EL expression in BPMN is code (flowable-engine issue 2291), and so are script tasks, Java
 * delegates and listeners. They are refused with the id of the element that holds them, in any
 * extension namespace, so Camunda or Activiti attributes cannot slip past. Gateway conditions are
 * written in the platform's formula language, never as {@code ${…}}. The XML is read with DTDs and
 * external entities off, and a DOCTYPE is refused outright.
 */
public final class ProcessKind implements DefinitionKind {

    public static final String KEY = "process";

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> DELEGATING_TASKS = Set.of("serviceTask", "sendTask", "businessRuleTask");
    private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener", "eventListener");
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "expression", "delegateExpression");
    /** Elements whose text is prose for people, where "${" is harmless. */
    private static final Set<String> PROSE = Set.of("documentation", "text");

    private static final ProcessValidator FLOWABLE_CHECKS = new ProcessValidatorFactory().createDefaultProcessValidator();

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String fileSuffix() {
        return ".bpmn20.xml";
    }

    @Override
    public DefinitionFormat format() {
        return DefinitionFormat.XML;
    }

    @Override
    public LocalizedText label() {
        return new LocalizedText("流程", "Process");
    }

    @Override
    public List<DefinitionProblem> validate(String key, String content) {
        if (content == null || content.isBlank()) {
            return List.of(DefinitionProblem.at("", "The definition is empty"));
        }
        Set<DefinitionProblem> problems = new LinkedHashSet<>();
        try {
            if (!scan(content, problems)) {
                return List.copyOf(problems);
            }
        } catch (XMLStreamException e) {
            return List.of(DefinitionProblem.at("", notWellFormed(e)));
        }
        BpmnModel model;
        try {
            model = BpmnXml.read(content);
        } catch (XMLStreamException | RuntimeException e) {
            problems.add(DefinitionProblem.at("", "Not a BPMN 2.0 process: " + e.getMessage()));
            return List.copyOf(problems);
        }
        if (model.getProcesses().stream().noneMatch(Process::isExecutable)) {
            problems.add(DefinitionProblem.at("", "There is no executable process: mark one process isExecutable=\"true\""));
        }
        for (ValidationError error : FLOWABLE_CHECKS.validate(model)) {
            // The executable check above says the same in the analyst's words; a multi-instance task's signers come
            // from its binding's assignment, never from a collection in the BPMN.
            if (!error.isWarning() && !Problems.ALL_PROCESS_DEFINITIONS_NOT_EXECUTABLE.equals(error.getProblem())
                    && !Problems.MULTI_INSTANCE_MISSING_COLLECTION.equals(error.getProblem())) {
                problems.add(DefinitionProblem.at(elementOf(error), error.getDefaultDescription()));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Streams through the document once, collecting every construct that would run code.
     *
     * @return false when the document must not be read any further (it declares a DOCTYPE)
     */
    private static boolean scan(String content, Set<DefinitionProblem> problems) throws XMLStreamException {
        XMLStreamReader xml = BpmnXml.FACTORY.createXMLStreamReader(new StringReader(content));
        // Nearest enclosing element id, so a problem in extension elements points at its task or flow.
        Deque<String> ids = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        try {
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.DTD -> {
                        problems.add(DefinitionProblem.at("", "A DOCTYPE declaration is not allowed (line "
                                + xml.getLocation().getLineNumber() + ")"));
                        return false;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String id = xml.getAttributeValue(null, "id");
                        String at = id != null ? id : ids.isEmpty() ? "" : ids.peek();
                        if (names.isEmpty() && !(BPMN_NS.equals(xml.getNamespaceURI())
                                && "definitions".equals(xml.getLocalName()))) {
                            problems.add(DefinitionProblem.at("", "The document is not BPMN 2.0: its root element must be "
                                    + "<definitions> in namespace " + BPMN_NS));
                            return false;
                        }
                        checkElement(xml, at, problems);
                        ids.push(at);
                        names.push(xml.getLocalName());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        ids.pop();
                        names.pop();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!names.isEmpty() && !PROSE.contains(names.peek()) && isExpression(xml.getText())) {
                            problems.add(DefinitionProblem.at(ids.peek(), "<" + names.peek() + "> holds an expression ("
                                    + excerpt(xml.getText()) + "); expressions are code and are not allowed. "
                                    + "Write conditions in the platform's formula language"));
                        }
                    }
                    default -> {
                    }
                }
            }
        } finally {
            xml.close();
        }
        return true;
    }

    private static void checkElement(XMLStreamReader xml, String at, Set<DefinitionProblem> problems) {
        String name = xml.getLocalName();
        boolean bpmn = BPMN_NS.equals(xml.getNamespaceURI());
        if (bpmn && "scriptTask".equals(name)) {
            problems.add(DefinitionProblem.at(at, "Script tasks are not allowed: a script is code"));
        }
        if (!bpmn && "script".equals(name)) {
            problems.add(DefinitionProblem.at(at, "Scripts are not allowed: a script is code"));
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attribute = xml.getAttributeLocalName(i);
            String namespace = xml.getAttributeNamespace(i);
            String written = xml.getAttributePrefix(i) == null || xml.getAttributePrefix(i).isEmpty()
                    ? attribute : xml.getAttributePrefix(i) + ":" + attribute;
            boolean extension = namespace != null && !namespace.isEmpty() && !BPMN_NS.equals(namespace)
                    && !XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace);
            if (bpmn && DELEGATING_TASKS.contains(name) && extension
                    && (CODE_ATTRIBUTES.contains(attribute) || "type".equals(attribute))) {
                problems.add(DefinitionProblem.at(at, "The " + name + " runs code through " + written
                        + "; automated steps are limited to the platform's own actions"));
            } else if (!bpmn && LISTENERS.contains(name) && (CODE_ATTRIBUTES.contains(attribute)
                    || ("type".equals(attribute) && "script".equals(xml.getAttributeValue(i))))) {
                problems.add(DefinitionProblem.at(at, "The " + name + " runs code through its " + written
                        + " attribute; listeners with code are not allowed"));
            } else if (isExpression(xml.getAttributeValue(i))) {
                problems.add(DefinitionProblem.at(at, "The attribute " + written + " holds an expression ("
                        + excerpt(xml.getAttributeValue(i)) + "); expressions are code and are not allowed"));
            }
        }
    }

    private static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    private static String excerpt(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 60 ? trimmed : trimmed.substring(0, 57) + "...";
    }

    private static String elementOf(ValidationError error) {
        if (error.getActivityId() != null) {
            return error.getActivityId();
        }
        return error.getProcessDefinitionId() == null ? "" : error.getProcessDefinitionId();
    }

    private static String notWellFormed(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage();
        // The JDK parser prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the location is given once, below.
        int cut = message.indexOf("Message: ");
        String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
        return at == null ? "Not well-formed XML: " + reason
                : "Not well-formed XML at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + reason;
    }

}
