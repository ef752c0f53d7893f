package org.partnerlifecycle.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;

/**
 * The shared input layer of every JSON request body of the API (the request records of this application):
 * <ul>
 *   <li>strict JSON: no scalar coercion ({@code 1.7} or {@code "12"} for an integer, {@code "true"} for a boolean,
 *       {@code 12} for a text or an enum are refused), no duplicate keys, nothing after the object;</li>
 *   <li>every wrong field is named: the body is read as a tree and each field bound on its own, so a type error in
 *       one field does not hide the others; unknown fields, type errors and broken constraints come back together
 *       under {@code errors};</li>
 *   <li>no string anywhere in the body may carry control or Unicode format characters
 *       ({@link InputPatterns#hasForbiddenCharacter}).</li>
 * </ul>
 * A body with no mistakes is bound as a whole and validated by {@code @Valid} as before. Refusals happen before the
 * controller runs, so nothing is stored.
 *
 * <p>Not a bean on purpose: Spring Boot would take a converter bean as a replacement of its Jackson converter.
 * {@link ApiWebConfiguration} puts it first in MVC's list; it reads only the request records and writes nothing.
 */
public class StrictJsonBodies extends MappingJackson2HttpMessageConverter {

  private static final String REQUEST_PACKAGE = "org.partnerlifecycle.";

  private final ObjectMapper strict;
  private final ObjectProvider<Validator> validator;

  public StrictJsonBodies(ObjectMapper applicationMapper, ObjectProvider<Validator> validator) {
    super(strict(applicationMapper));
    this.strict = getObjectMapper();
    this.validator = validator;
  }

  /** A copy of the application's mapper (same modules) that coerces nothing. */
  @SuppressWarnings("deprecation")
  static ObjectMapper strict(ObjectMapper applicationMapper) {
    ObjectMapper mapper = applicationMapper.copy();
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // 100.00 stays 100.00 when read through the tree.
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
      mapper.coercionConfigFor(number)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }

  static boolean isRequestRecord(@Nullable Type type) {
    return type instanceof Class<?> c && c.isRecord() && c.getName().startsWith(REQUEST_PACKAGE);
  }

  @Override
  public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
    return isRequestRecord(clazz) && canRead(mediaType);
  }

  @Override
  public boolean canRead(Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
    return isRequestRecord(type) && canRead(mediaType);
  }

  @Override
  public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
    return false;
  }

  @Override
  public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
    return false;
  }

  @Override
  protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
    return read(clazz, null, input);
  }

  @Override
  public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input) throws IOException {
    Class<?> target = (Class<?>) type;
    JsonNode tree;
    try {
      tree = strict.readTree(input.getBody());
    } catch (JsonProcessingException e) {
      throw new HttpMessageNotReadableException("The body is not valid JSON: " + e.getOriginalMessage(), e, input);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidRequestException("The body must be a JSON object", List.of());
    }
    RecordComponent[] components = target.getRecordComponents();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < components.length; i++) {
      index.put(components[i].getName(), i);
    }
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> wrongFields = new LinkedHashSet<>();
    Object[] values = new Object[components.length];
    for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      Integer i = index.get(name);
      if (i == null) {
        problems.add(new FieldProblem(visible(name), "is not a field of this request"));
        wrongFields.add(name);
        continue;
      }
      String badText = forbiddenText(name, field.getValue());
      if (badText != null) {
        problems.add(new FieldProblem(badText, InputPatterns.FORBIDDEN_CHARACTER_MESSAGE));
        wrongFields.add(name);
        continue;
      }
      JavaType javaType = strict.getTypeFactory().constructType(components[i].getGenericType());
      try {
        values[i] = strict.readerFor(javaType).readValue(field.getValue());
      } catch (JsonProcessingException e) {
        // JsonMappingException for a wrong type; InputCoercionException (a stream error) for an int out of range
        problems.add(new FieldProblem(name + path(e), typeMessage(e, javaType)));
        wrongFields.add(name);
      }
    }
    if (problems.isEmpty()) {
      try {
        return strict.readerFor(strict.getTypeFactory().constructType(target)).readValue(tree);
      } catch (JsonProcessingException e) {
        throw new HttpMessageNotReadableException("The body does not fit this request", e, input);
      }
    }
    problems.addAll(constraintProblems(target, components, values, wrongFields));
    problems.sort(Comparator.comparing(FieldProblem::field));
    throw new InvalidRequestException("Invalid fields: " + problems.stream().map(FieldProblem::field).distinct()
        .collect(Collectors.joining(", ")), problems);
  }

  /** The path of the first string under this field that carries a forbidden character, or null. */
  @Nullable
  private static String forbiddenText(String path, JsonNode node) {
    if (node.isTextual()) {
      return InputPatterns.hasForbiddenCharacter(node.textValue()) ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = forbiddenText(path + "[" + i + "]", node.get(i));
        if (found != null) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        String found = InputPatterns.hasForbiddenCharacter(child.getKey()) ? path
            : forbiddenText(path + "." + child.getKey(), child.getValue());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The bean-validation problems of the fields that were bound; the wrong ones were named already. */
  private List<FieldProblem> constraintProblems(Class<?> target, RecordComponent[] components, Object[] values,
      Set<String> wrongFields) {
    Validator checks = validator.getIfAvailable();
    if (checks == null) {
      return List.of();
    }
    Object partial;
    try {
      Constructor<?> constructor = target.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      Object[] arguments = values.clone();
      for (int i = 0; i < components.length; i++) {
        if (arguments[i] == null && components[i].getType().isPrimitive()) {
          arguments[i] = primitiveDefault(components[i].getType());
        }
      }
      partial = constructor.newInstance(arguments);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return List.of();
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<Object> violation : checks.validate(partial)) {
      String field = violation.getPropertyPath().toString();
      String top = field.split("[.\\[]", 2)[0];
      if (!wrongFields.contains(top)) {
        problems.add(new FieldProblem(field, violation.getMessage()));
      }
    }
    return problems;
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    return 0;
  }

  /** An unknown field's name as it can be shown back: forbidden characters escaped as backslash-u and 4 hex digits. */
  private static String visible(String name) {
    if (!InputPatterns.hasForbiddenCharacter(name)) {
      return name;
    }
    StringBuilder shown = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (InputPatterns.hasForbiddenCharacter(new String(Character.toChars(c)))) {
        shown.append(String.format("\\u%04X", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.toString();
  }

  private static String path(JsonProcessingException exception) {
    if (!(exception instanceof JsonMappingException e)) {
      return "";
    }
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining());
  }

  /** What the field should have been, in words a client developer can act on. */
  private static String typeMessage(JsonProcessingException e, JavaType expected) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "has the wrong type";
    }
    Class<?> type = expected.getRawClass();
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "must be a whole JSON number (no fraction, not in quotes) within range";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a JSON number, not text";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    if (type == LocalDate.class) {
      return "must be an ISO date such as 2026-01-31";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO date-time";
    }
    if (expected.isCollectionLikeType() || expected.isArrayType()) {
      return "must be a JSON array";
    }
    return "has the wrong type";
  }
}
