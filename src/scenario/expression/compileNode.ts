/**
 * Closure compilation: each AST node becomes one closure `(context) => Json`, built once; running the expression
 * only calls closures (no AST walk, no dynamic code). Every check that can be made from the text alone (names,
 * functions, arity, forbidden properties, unsupported syntax, nesting depth) is made here, as a `CompileError`
 * pointing at the offending token.
 */
import type { Json } from "../../engine/model";
import { compileCall } from "./compileCall";
import { CompileError } from "./errors";
import { binaryOperator, type Compiled, unaryOperator } from "./operators";
import { endOf, type Node, startOf } from "./parse";
import type { Scope } from "./scope";
import {
  checkKey,
  FORBIDDEN_NAMES,
  forbiddenMessage,
  readComputed,
  readField,
  readIndex,
  truthy,
} from "./values";

/** Deepest AST accepted (the root is depth 0). */
export const MAX_DEPTH = 64;

/** Returned inside an optional chain (`a?.b.c`) once it has short-circuited; the chain's top turns it into null. */
export const SHORT = Object.freeze({ shortCircuit: true }) as unknown as Json;

const MAX_LABEL = 60;

/** The node's source text, for run-time error messages (shortened when long). */
export function labelOf(scope: Scope, node: Node): string {
  const text = scope.source.slice(startOf(node), endOf(node)).replace(/\s+/g, " ");
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

export function fail(message: string, node: Node): never {
  throw new CompileError(message, startOf(node));
}

function checkDepth(node: Node, depth: number): void {
  if (depth > MAX_DEPTH) fail(`expression is too deeply nested (more than ${MAX_DEPTH} levels)`, node);
}

export function compileNode(node: Node, scope: Scope, depth: number): Compiled {
  checkDepth(node, depth);
  switch (node.type) {
    case "Literal":
      return compileLiteral(node);
    case "Identifier":
      return scope.readVariable(node);
    case "ArrayExpression":
      return compileArray(node, scope, depth);
    case "ObjectExpression":
      return compileObject(node, scope, depth);
    case "MemberExpression":
    case "CallExpression":
      return compileChain(node, scope, depth);
    case "UnaryExpression": {
      const argument = compileNode(node.argument as Node, scope, depth + 1);
      const operator = String(node.operator);
      return (
        unaryOperator(operator, argument, labelOf(scope, node)) ??
        fail(`operator ${operator} is not supported`, node)
      );
    }
    case "BinaryExpression": {
      const left = compileNode(node.left as Node, scope, depth + 1);
      const right = compileNode(node.right as Node, scope, depth + 1);
      const operator = String(node.operator);
      return (
        binaryOperator(operator, left, right, labelOf(scope, node)) ??
        fail(`operator ${operator} is not supported`, node)
      );
    }
    case "ConditionalExpression": {
      const test = compileNode(node.test as Node, scope, depth + 1);
      const consequent = compileNode(node.consequent as Node, scope, depth + 1);
      const alternate = compileNode(node.alternate as Node, scope, depth + 1);
      return (c) => (truthy(test(c)) ? consequent(c) : alternate(c));
    }
    case "Compound": {
      const body = node.body as Node[];
      const [first, second] = body;
      if (first === undefined) fail("expression is empty", node);
      compileNode(first, scope, depth + 1);
      return fail("unexpected text after the expression (only one expression is allowed)", second ?? node);
    }
    case "SequenceExpression": {
      const expressions = node.expressions as Node[];
      return fail("unexpected comma or semicolon (only one expression is allowed)", expressions[1] ?? node);
    }
    case "ThisExpression":
      return fail('"this" is not supported', node);
    default:
      return fail(`unsupported syntax (${node.type})`, node);
  }
}

function compileLiteral(node: Node): Compiled {
  const value = node.value;
  if (typeof value === "number" && !Number.isFinite(value)) fail("number is too large", node);
  if (
    value !== null &&
    typeof value !== "number" &&
    typeof value !== "string" &&
    typeof value !== "boolean"
  ) {
    fail("unsupported literal", node);
  }
  const constant: Json = value;
  return () => constant;
}

function compileArray(node: Node, scope: Scope, depth: number): Compiled {
  const items = (node.elements as (Node | null)[]).map((element) =>
    element === null ? fail("empty array element", node) : compileNode(element, scope, depth + 1),
  );
  return (c) => {
    const out: Json[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = (items[i] as Compiled)(c);
    return out;
  };
}

/** A static object key: an identifier, a string or a number literal. */
function staticKey(key: Node): string {
  if (key.type === "Identifier") return String(key.name);
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) {
    return String(key.value);
  }
  return fail("an object key must be a name, a string or a number", key);
}

function compileObject(node: Node, scope: Scope, depth: number): Compiled {
  const label = labelOf(scope, node);
  const keys: (string | Compiled)[] = [];
  const values: Compiled[] = [];
  for (const property of node.properties as Node[]) {
    const key = property.key as Node | undefined;
    const value = property.value as Node | undefined;
    if (property.type !== "Property" || key === undefined || value === undefined) {
      fail("expected key: value in an object literal", property);
    }
    if (property.computed === true) {
      keys.push(compileNode(key, scope, depth + 1));
    } else {
      const name = staticKey(key);
      if (FORBIDDEN_NAMES.has(name)) fail(forbiddenMessage(name), key);
      keys.push(name);
    }
    values.push(compileNode(value, scope, depth + 1));
  }
  if (keys.every((key) => typeof key === "string")) {
    // Static keys: clone a template (one hidden class, no transitions), then fill in the values.
    const names = keys as string[];
    const template: { [field: string]: Json } = {};
    for (const name of names) template[name] = null;
    return (c) => {
      const out = { ...template };
      for (let i = 0; i < names.length; i++) out[names[i] as string] = (values[i] as Compiled)(c);
      return out;
    };
  }
  return (c) => {
    const out: { [field: string]: Json } = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string | Compiled;
      const name = typeof key === "string" ? key : String(checkKey(key(c), label));
      out[name] = (values[i] as Compiled)(c);
    }
    return out;
  };
}

/** Whether a member/call chain contains `?.` (then it may short-circuit to null). */
function chainHasOptional(node: Node): boolean {
  let link = node;
  for (;;) {
    if (link.optional === true) return true;
    if (link.type === "MemberExpression") link = link.object as Node;
    else if (link.type === "CallExpression" && (link.callee as Node).type === "MemberExpression") {
      link = link.callee as Node;
    } else return false;
  }
}

function compileChain(node: Node, scope: Scope, depth: number): Compiled {
  const shortable = chainHasOptional(node);
  const link = compileLink(node, scope, depth, shortable);
  if (!shortable) return link;
  return (c) => {
    const value = link(c);
    return value === SHORT ? null : value;
  };
}

/**
 * Compiles the object of a member access or the receiver of a method call. In a chain with `?.`, inner links are
 * compiled without their top-level conversion, so that `SHORT` travels up to the chain's top.
 */
export function compileReceiver(node: Node, scope: Scope, depth: number, shortable: boolean): Compiled {
  const isLink =
    node.type === "MemberExpression" ||
    (node.type === "CallExpression" && (node.callee as Node).type === "MemberExpression");
  return shortable && isLink ? compileLink(node, scope, depth, true) : compileNode(node, scope, depth);
}

function compileLink(node: Node, scope: Scope, depth: number, shortable: boolean): Compiled {
  checkDepth(node, depth);
  if (node.type === "CallExpression") return compileCall(node, scope, depth, shortable);
  const object = compileReceiver(node.object as Node, scope, depth + 1, shortable);
  const read = compileMemberRead(node, scope, depth);
  if (!shortable) return (c) => read(object(c), c);
  const optional = node.optional === true;
  return (c) => {
    const value = object(c);
    return value === SHORT || (optional && value === null) ? SHORT : read(value, c);
  };
}

/** How a member expression reads its property from an already computed object. */
function compileMemberRead(
  node: Node,
  scope: Scope,
  depth: number,
): (object: Json, c: Record<string, unknown>) => Json {
  const label = labelOf(scope, node);
  const property = node.property as Node;
  if (node.computed !== true || property.type === "Literal") {
    const name = node.computed === true ? property.value : property.name;
    if (typeof name === "number") return (object) => readIndex(object, name, label);
    if (typeof name !== "string") return fail("a field name must be a string or a number", property);
    if (FORBIDDEN_NAMES.has(name)) fail(forbiddenMessage(name), property);
    return (object) => readField(object, name, label);
  }
  const key = compileNode(property, scope, depth + 1);
  return (object, c) => readComputed(object, key(c), label);
}
