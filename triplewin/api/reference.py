"""The API reference page's content, read from the OpenAPI document itself, so the page
cannot describe an API other than the one served."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    needs_token: bool
    parameters: tuple[Field, ...]
    body: tuple[Field, ...]
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Reference:
    title: str
    version: str
    description: str
    groups: tuple[tuple[str, tuple[Operation, ...]], ...]

    @classmethod
    def of(cls, schema: dict[str, Any]) -> Reference:
        components = schema.get("components", {}).get("schemas", {})
        groups: dict[str, list[Operation]] = {}
        for path, methods in schema["paths"].items():
            for method, op in methods.items():
                tag = (op.get("tags") or ["Other"])[0]
                groups.setdefault(tag, []).append(_operation(path, method, op, components))
        info = schema.get("info", {})
        return cls(
            title=str(info.get("title", "")),
            version=str(info.get("version", "")),
            description=str(info.get("description", "")),
            groups=tuple((tag, tuple(ops)) for tag, ops in groups.items()),
        )


def _resolve(node: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref:
        return dict(components.get(ref.rsplit("/", 1)[-1], {}))
    return node


def _type(node: dict[str, Any], components: dict[str, Any]) -> str:
    if "$ref" in node:
        return str(node["$ref"].rsplit("/", 1)[-1])
    if "anyOf" in node:
        return " or ".join(_type(n, components) for n in node["anyOf"])
    if "enum" in node:
        return "one of " + ", ".join(repr(v) for v in node["enum"] if v != "")
    kind = str(node.get("type", "any"))
    if kind == "array":
        return f"list of {_type(node.get('items', {}), components)}"
    fmt = node.get("format")
    return f"{kind} ({fmt})" if fmt else kind


def _fields(node: dict[str, Any], components: dict[str, Any]) -> tuple[Field, ...]:
    node = _resolve(node, components)
    required = set(node.get("required", []))
    return tuple(
        Field(
            name=name,
            type=_type(prop, components),
            required=name in required,
            description=str(_resolve(prop, components).get("description", "")),
        )
        for name, prop in node.get("properties", {}).items()
    )


def _operation(path: str, method: str, op: dict[str, Any], components: dict[str, Any]) -> Operation:
    parameters = tuple(
        Field(
            name=f"{p['name']} ({p['in']})",
            type=_type(p.get("schema", {}), components),
            required=bool(p.get("required")),
            description=str(p.get("description") or p.get("schema", {}).get("description", "")),
        )
        for p in op.get("parameters", [])
    )
    body: tuple[Field, ...] = ()
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = _fields(content["application/json"].get("schema", {}), components)
    answers = tuple(
        (str(code), str(answer.get("description", "")))
        for code, answer in op.get("responses", {}).items()
    )
    return Operation(
        anchor=str(op.get("operationId", f"{method}-{path}")),
        method=method.upper(),
        path=path,
        summary=str(op.get("summary", "")),
        needs_token=bool(op.get("security")),
        parameters=parameters,
        body=body,
        answers=answers,
    )
