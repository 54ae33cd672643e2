package io.kava.api.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 6902 JSON Patch: a list of {@code add}, {@code remove}, {@code replace}, {@code move},
 * {@code copy} and {@code test} operations applied in order, all or nothing.
 *
 * <p>Where the RFC and the library Kubernetes uses ({@code evanphx/json-patch} v4) differ, this
 * follows Kubernetes: array indices are parsed like Go's {@code strconv.Atoi} (so {@code -1} counts
 * from the end) and a patch may hold at most {@link #MAX_OPERATIONS} operations (413 beyond).
 * {@link #parse} errors are 400; {@link #apply} errors are 422.
 */
public final class JsonPatch {
  /** The API server's limit ({@code maxJSONPatchOperations}). */
  public static final int MAX_OPERATIONS = 10000;

  enum Op { ADD, REMOVE, REPLACE, MOVE, COPY, TEST }

  record Operation(int index, Op op, Pointer path, Pointer from, JsonNode value) {
    String describe() {
      return "operation " + index + " (" + op.name().toLowerCase(Locale.ROOT) + " " + path + ")";
    }
  }

  private final List<Operation> operations;

  private JsonPatch(List<Operation> operations) {
    this.operations = operations;
  }

  /** Parses and validates the patch document (an array of operation objects). */
  public static JsonPatch parse(JsonNode patch) {
    if (patch == null || !patch.isArray()) {
      throw PatchException.badRequest("a JSON patch must be an array of operations");
    }
    if (patch.size() > MAX_OPERATIONS) {
      throw new PatchException(413, "The allowed maximum operations in a JSON patch is "
          + MAX_OPERATIONS + ", got " + patch.size());
    }
    List<Operation> ops = new ArrayList<>(patch.size());
    int i = 0;
    for (JsonNode node : patch) {
      ops.add(parseOperation(i++, node));
    }
    return new JsonPatch(List.copyOf(ops));
  }

  private static Operation parseOperation(int index, JsonNode node) {
    if (!node.isObject()) {
      throw PatchException.badRequest("JSON patch operation " + index + " is not an object");
    }
    JsonNode opNode = node.get("op");
    if (opNode == null || !opNode.isString()) {
      throw PatchException.badRequest("JSON patch operation " + index + " has no \"op\"");
    }
    Op op = switch (opNode.stringValue()) {
      case "add" -> Op.ADD;
      case "remove" -> Op.REMOVE;
      case "replace" -> Op.REPLACE;
      case "move" -> Op.MOVE;
      case "copy" -> Op.COPY;
      case "test" -> Op.TEST;
      default -> throw PatchException.badRequest("JSON patch operation " + index
          + " has unknown op \"" + opNode.stringValue() + "\"");
    };
    Pointer path = pointer(node, "path", index);
    Pointer from = (op == Op.MOVE || op == Op.COPY) ? pointer(node, "from", index) : null;
    JsonNode value = null;
    if (op == Op.ADD || op == Op.REPLACE || op == Op.TEST) {
      value = node.get("value");
      if (value == null) {
        throw PatchException.badRequest("JSON patch operation " + index + " ("
            + opNode.stringValue() + " " + path + ") has no \"value\"");
      }
    }
    return new Operation(index, op, path, from, value);
  }

  private static Pointer pointer(JsonNode node, String member, int index) {
    JsonNode p = node.get(member);
    if (p == null || !p.isString()) {
      throw PatchException.badRequest(
          "JSON patch operation " + index + " has no \"" + member + "\" string");
    }
    return Pointer.parse(p.stringValue());
  }

  /** Parses {@code patch} and applies it to {@code document}. */
  public static JsonNode apply(JsonNode document, JsonNode patch) {
    return parse(patch).apply(document);
  }

  /** Applies the operations to a copy of {@code document} and returns the copy. */
  public JsonNode apply(JsonNode document) {
    JsonNode doc = document.deepCopy();
    for (Operation o : operations) {
      doc = switch (o.op()) {
        case ADD -> add(doc, o.path(), o.value().deepCopy(), o);
        case REMOVE -> {
          remove(doc, o.path(), o);
          yield doc;
        }
        case REPLACE -> replace(doc, o.path(), o.value().deepCopy(), o);
        case MOVE -> {
          if (o.from().isProperPrefixOf(o.path())) {
            throw PatchException.unprocessable("JSON patch " + o.describe()
                + ": cannot move \"" + o.from() + "\" into its own child");
          }
          JsonNode value = get(doc, o.from(), o);
          if (o.from().tokens().equals(o.path().tokens())) {
            yield doc;
          }
          remove(doc, o.from(), o);
          yield add(doc, o.path(), value, o);
        }
        case COPY -> add(doc, o.path(), get(doc, o.from(), o).deepCopy(), o);
        case TEST -> {
          JsonNode actual = get(doc, o.path(), o);
          if (!JsonValues.equal(actual, o.value())) {
            throw PatchException.unprocessable("JSON patch " + o.describe()
                + ": test failed, the value is " + actual);
          }
          yield doc;
        }
      };
    }
    return doc;
  }

  /** Number of operations. */
  public int size() {
    return operations.size();
  }

  // ---- pointer operations on a mutable tree -----------------------------------------------

  private static JsonNode get(JsonNode doc, Pointer path, Operation o) {
    JsonNode node = doc;
    for (String token : path.tokens()) {
      if (node.isObject()) {
        node = node.get(token);
      } else if (node.isArray()) {
        int i = index(token, node.size(), false, o, path);
        node = node.get(i);
      } else {
        node = null;
      }
      if (node == null) {
        throw missing(o, path);
      }
    }
    return node;
  }

  private static JsonNode container(JsonNode doc, Pointer path, Operation o) {
    JsonNode parent = get(doc, path.parent(), o);
    if (!parent.isContainer()) {
      throw PatchException.unprocessable("JSON patch " + o.describe() + ": \""
          + path.parent() + "\" is not an object or array");
    }
    return parent;
  }

  private static JsonNode add(JsonNode doc, Pointer path, JsonNode value, Operation o) {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = container(doc, path, o);
    if (parent instanceof ObjectNode obj) {
      obj.set(path.last(), value);
    } else {
      ArrayNode arr = (ArrayNode) parent;
      if (path.last().equals("-")) {
        arr.add(value);
      } else {
        arr.insert(index(path.last(), arr.size() + 1, true, o, path), value);
      }
    }
    return doc;
  }

  private static void remove(JsonNode doc, Pointer path, Operation o) {
    if (path.isRoot()) {
      throw PatchException.unprocessable("JSON patch " + o.describe()
          + ": cannot remove the whole document");
    }
    JsonNode parent = container(doc, path, o);
    if (parent instanceof ObjectNode obj) {
      if (!obj.has(path.last())) {
        throw missing(o, path);
      }
      obj.remove(path.last());
    } else {
      ArrayNode arr = (ArrayNode) parent;
      arr.remove(index(path.last(), arr.size(), false, o, path));
    }
  }

  private static JsonNode replace(JsonNode doc, Pointer path, JsonNode value, Operation o) {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = container(doc, path, o);
    if (parent instanceof ObjectNode obj) {
      if (!obj.has(path.last())) {
        throw missing(o, path);
      }
      obj.set(path.last(), value);
    } else {
      ArrayNode arr = (ArrayNode) parent;
      arr.set(index(path.last(), arr.size(), false, o, path), value);
    }
    return doc;
  }

  /**
   * An array index as Go's {@code strconv.Atoi} reads it; negative values count from the end.
   * Valid results lie in {@code [0, size)}; for {@code add}, size is the length after insertion.
   */
  private static int index(String token, int size, boolean forAdd, Operation o, Pointer path) {
    int i;
    try {
      if (token.isEmpty() || token.equals("+") || token.equals("-")
          || !token.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException(token);
      }
      i = Integer.parseInt(token.startsWith("+") ? token.substring(1) : token);
    } catch (NumberFormatException e) {
      throw PatchException.unprocessable("JSON patch " + o.describe()
          + ": \"" + token + "\" is not a valid array index");
    }
    if (i < 0) {
      i += size;
    }
    if (i < 0 || i >= size) {
      throw PatchException.unprocessable("JSON patch " + o.describe() + ": array index "
          + token + " is out of bounds" + (forAdd ? "" : " in \"" + path.parent() + "\""));
    }
    return i;
  }

  private static PatchException missing(Operation o, Pointer path) {
    return PatchException.unprocessable(
        "JSON patch " + o.describe() + ": path \"" + path + "\" does not exist");
  }
}
