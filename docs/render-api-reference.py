#!/usr/bin/env python3
"""Renders docs/api-reference.md from the OpenAPI document the application serves at /v3/api-docs.

The test PartnerLoopOnH2Test writes that document to target/openapi.json; after changing the API:
    mvn -q test -Dtest='PartnerLoopOnH2Test#theOpenApi*' && python3 docs/render-api-reference.py
"""
import json
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
source = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "target" / "openapi.json"
doc = json.loads(source.read_text())
schemas = doc.get("components", {}).get("schemas", {})


def type_of(schema):
    if schema is None:
        return ""
    if "$ref" in schema:
        return schema["$ref"].split("/")[-1]
    kind = schema.get("type", "object")
    if kind == "array":
        return type_of(schema.get("items")) + "[]"
    if "enum" in schema:
        return " \\| ".join(str(v) for v in schema["enum"])
    fmt = schema.get("format")
    return f"{kind} ({fmt})" if fmt else kind


def fields(schema):
    if schema is None:
        return []
    if "$ref" in schema:
        schema = schemas.get(schema["$ref"].split("/")[-1], {})
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        limits = []
        for key in ("minLength", "maxLength", "minimum", "maximum", "pattern", "minItems", "maxItems"):
            if key in prop:
                limits.append(f"{key} {prop[key]}")
        rows.append(f"| `{name}` | {type_of(prop)} | {'yes' if name in required else ''} | {', '.join(limits)} |")
    return rows


out = ["# API reference", "",
       "Generated from the OpenAPI document (`/v3/api-docs`) by `docs/render-api-reference.py`; the running "
       "application also serves Swagger UI at `/swagger-ui/index.html`. The guide is [api.md](api.md).", "",
       "Security: `staff` = HTTP Basic (a staff user), `partner` = `Authorization: Bearer <api key>`. "
       "Every error is `application/problem+json` (schema `Problem`, below).", ""]
order = {"get": 0, "post": 1, "put": 2, "delete": 3, "patch": 4}
for path in sorted(doc["paths"]):
    for method, op in sorted(doc["paths"][path].items(), key=lambda kv: order.get(kv[0], 9)):
        if method not in order:
            continue
        out.append(f"## `{method.upper()} {path}`")
        out.append("")
        security = op.get("security", doc.get("security", []))
        names = sorted({name for requirement in security for name in requirement})
        out.append("Security: " + (", ".join(f"`{n}`" for n in names) if names else "none (public)"))
        out.append("")
        params = op.get("parameters", [])
        if params:
            out.append("| parameter | in | type | required | description |")
            out.append("|---|---|---|---|---|")
            for p in params:
                out.append(f"| `{p['name']}` | {p['in']} | {type_of(p.get('schema'))} | "
                           f"{'yes' if p.get('required') else ''} | {p.get('description', '').replace('|', '/')} |")
            out.append("")
        body = op.get("requestBody", {}).get("content", {})
        for media, content in body.items():
            out.append(f"Request body (`{media}`): `{type_of(content.get('schema'))}`")
            out.append("")
            rows = fields(content.get("schema"))
            if rows:
                out.append("| field | type | required | limits |")
                out.append("|---|---|---|---|")
                out.extend(rows)
                out.append("")
            for example in content.get("examples", {}).values():
                out.append("```json")
                out.append(json.dumps(example.get("value"), indent=2, sort_keys=True))
                out.append("```")
                out.append("")
        out.append("| status | body | description |")
        out.append("|---|---|---|")
        for status, response in sorted(op.get("responses", {}).items()):
            content = response.get("content", {})
            media, schema = next(iter(content.items()), (None, {}))
            shown = f"`{type_of(schema.get('schema'))}` ({media})" if media else ""
            out.append(f"| {status} | {shown} | {response.get('description', '').replace('|', '/')} |")
        out.append("")
out.append("## Schemas")
out.append("")
for name in sorted(schemas):
    out.append(f"### `{name}`")
    out.append("")
    rows = fields({"$ref": "#/components/schemas/" + name})
    if rows:
        out.append("| field | type | required | limits |")
        out.append("|---|---|---|---|")
        out.extend(rows)
    else:
        out.append(type_of(schemas[name]))
    out.append("")
(root / "docs" / "api-reference.md").write_text("\n".join(out))
print(f"docs/api-reference.md: {sum(len(v) for v in doc['paths'].values())} operations")
