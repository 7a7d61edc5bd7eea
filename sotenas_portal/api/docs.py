"""The API's reference page, rendered on the server from the OpenAPI schema:
accessible by construction and without script. The interactive Swagger UI
(vendored via drf-spectacular-sidecar) is offered beside it; as a third-party
widget it does not pass axe (nested interactive controls), so it is not the
only way to read the documentation."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

from core import licence

METHODS = ("get", "head", "options")


def _schema_type(schema: dict) -> str:
    if not schema:
        return ""
    if schema.get("type") == "array":
        return f"array of {_schema_type(schema.get('items', {}))}"
    if "enum" in schema:
        return ", ".join(str(v) if v != "" else '""' for v in schema["enum"])
    return schema.get("type", "")


def operations(schema: dict) -> list[dict]:
    found = []
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            found.append({
                "id": operation.get("operationId", ""),
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {"name": p["name"], "location": p["in"], "type": _schema_type(p.get("schema", {})),
                     "description": p.get("description", ""), "required": p.get("required", False)}
                    for p in operation.get("parameters", [])
                ],
                "responses": [
                    {"status": status, "description": response.get("description", "")}
                    for status, response in operation.get("responses", {}).items()
                ],
            })
    return found


@login_not_required
def api_reference(request):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return render(request, "api/docs.html", {
        "info": schema.get("info", {}), "operations": operations(schema),
        "licence": {"name": licence.CC0_NAME, "url": licence.CC0_URL},
    })
