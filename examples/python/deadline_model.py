"""Deadline Cloud's service model for a boto3 that predates it (Debian 12 ships boto3 1.26, from 2022).

Converts AWS's Smithy model of Deadline (models/deadline-2023-10-12.json in this repository) into the
JSON botocore loads (service-2.json, with an endpoint rule set that honours endpoint_url), in a folder
put on AWS_DATA_PATH. A boto3 that knows Deadline needs none of this.
"""

import json
import os
from pathlib import Path

PRELUDE = {
    "String": {"type": "string"},
    "Integer": {"type": "integer"},
    "Long": {"type": "long"},
    "Boolean": {"type": "boolean"},
    "Double": {"type": "double"},
    "Float": {"type": "float"},
    "Timestamp": {"type": "timestamp"},
    "Blob": {"type": "blob"},
    "Document": {"type": "structure", "members": {}, "document": True},
}


def _name(target):
    return target.split("#", 1)[1]


def _operations(shapes, shape_id):
    """Every operation a service or resource binds, resources within resources included."""
    shape = shapes[shape_id]
    found = [o["target"] for o in shape.get("operations", []) + shape.get("collectionOperations", [])]
    for key in ("create", "put", "read", "update", "delete", "list"):
        if key in shape:
            found.append(shape[key]["target"])
    for resource in shape.get("resources", []):
        found += _operations(shapes, resource["target"])
    return found


def _member(member, shapes):
    traits = member.get("traits", {})
    out = {"shape": _name(member["target"])}
    if "smithy.api#httpLabel" in traits:
        out["location"] = "uri"
    elif "smithy.api#httpQuery" in traits:
        out.update(location="querystring", locationName=traits["smithy.api#httpQuery"])
    elif "smithy.api#httpHeader" in traits:
        out.update(location="header", locationName=traits["smithy.api#httpHeader"])
    elif "smithy.api#httpPrefixHeaders" in traits:
        out.update(location="headers", locationName=traits["smithy.api#httpPrefixHeaders"])
    if "smithy.api#jsonName" in traits:
        out["locationName"] = traits["smithy.api#jsonName"]
    if "smithy.api#idempotencyToken" in traits:
        out["idempotencyToken"] = True
    return out


def _shape(shape, shapes):
    kind = shape["type"]
    traits = shape.get("traits", {})
    if kind in ("structure", "union"):
        members = shape.get("members", {})
        out = {"type": "structure", "members": {n: _member(m, shapes) for n, m in members.items()}}
        required = [n for n, m in members.items() if "smithy.api#required" in m.get("traits", {})]
        if required:
            out["required"] = required
        payload = [n for n, m in members.items() if "smithy.api#httpPayload" in m.get("traits", {})]
        if payload:
            out["payload"] = payload[0]
        if kind == "union":
            out["union"] = True
        if "smithy.api#error" in traits:
            out["exception"] = True
            out["error"] = {"httpStatusCode": traits.get("smithy.api#httpError", 400), "senderFault": traits["smithy.api#error"] == "client"}
        return out
    if kind == "enum":
        return {"type": "string", "enum": [m.get("traits", {}).get("smithy.api#enumValue", n) for n, m in shape["members"].items()]}
    if kind == "intEnum":
        return {"type": "integer"}
    if kind in ("list", "set"):
        return {"type": "list", "member": {"shape": _name(shape["member"]["target"])}}
    if kind == "map":
        return {"type": "map", "key": {"shape": _name(shape["key"]["target"])}, "value": {"shape": _name(shape["value"]["target"])}}
    if kind == "timestamp":
        fmt = {"date-time": "iso8601", "epoch-seconds": "unixTimestamp", "http-date": "rfc822"}.get(traits.get("smithy.api#timestampFormat"))
        return {"type": "timestamp", **({"timestampFormat": fmt} if fmt else {})}
    if kind == "document":
        return PRELUDE["Document"]
    return {"type": {"bigInteger": "long", "bigDecimal": "double", "byte": "integer", "short": "integer"}.get(kind, kind)}


def convert(smithy):
    shapes = smithy["shapes"]
    service_id = next(k for k, v in shapes.items() if v["type"] == "service")
    service = shapes[service_id]
    version = service["version"]
    out_shapes = dict(PRELUDE)
    for shape_id, shape in shapes.items():
        if shape_id.startswith(service_id.split("#")[0] + "#") and shape["type"] not in ("service", "operation", "resource"):
            out_shapes[_name(shape_id)] = _shape(shape, shapes)
    operations = {}
    for op_id in sorted(set(_operations(shapes, service_id))):
        op = shapes[op_id]
        traits = op.get("traits", {})
        http = traits.get("smithy.api#http", {"method": "POST", "uri": "/"})
        entry = {"name": _name(op_id), "http": {"method": http["method"], "requestUri": http["uri"], "responseCode": http.get("code", 200)}}
        for key in ("input", "output"):
            target = op.get(key, {}).get("target", "smithy.api#Unit")
            if target != "smithy.api#Unit":
                entry[key] = {"shape": _name(target)}
        entry["errors"] = [{"shape": _name(e["target"])} for e in op.get("errors", []) + service.get("errors", [])]
        if "smithy.api#endpoint" in traits:
            entry["endpoint"] = {"hostPrefix": traits["smithy.api#endpoint"]["hostPrefix"]}
        operations[_name(op_id)] = entry
    sigv4 = service["traits"].get("aws.auth#sigv4", {}).get("name", "deadline")
    metadata = {
        "apiVersion": version,
        "endpointPrefix": service["traits"]["aws.api#service"].get("endpointPrefix", sigv4),
        "jsonVersion": "1.1",
        "protocol": "rest-json",
        "serviceFullName": service["traits"]["aws.api#service"]["sdkId"],
        "serviceId": service["traits"]["aws.api#service"]["sdkId"],
        "signatureVersion": "v4",
        "signingName": sigv4,
        "uid": f"{sigv4}-{version}",
    }
    return {"version": "2.0", "metadata": metadata, "operations": operations, "shapes": out_shapes}


RULES = {
    "version": "1.0",
    "parameters": {
        "Region": {"builtIn": "AWS::Region", "required": False, "type": "String"},
        "Endpoint": {"builtIn": "SDK::Endpoint", "required": False, "type": "String"},
    },
    "rules": [
        {"conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}], "endpoint": {"url": {"ref": "Endpoint"}}, "type": "endpoint"},
        {"conditions": [], "endpoint": {"url": "https://deadline.{Region}.amazonaws.com"}, "type": "endpoint"},
    ],
}


def ensure_deadline(models_dir, into):
    """Puts Deadline's model on AWS_DATA_PATH when the installed botocore does not know the service."""
    import botocore.session

    if "deadline" in botocore.session.get_session().get_available_services():
        return False
    smithy = json.loads(Path(models_dir, "deadline-2023-10-12.json").read_text())
    model = convert(smithy)
    target = Path(into, "deadline", model["metadata"]["apiVersion"])
    target.mkdir(parents=True, exist_ok=True)
    (target / "service-2.json").write_text(json.dumps(model))
    (target / "endpoint-rule-set-1.json").write_text(json.dumps(RULES))
    os.environ["AWS_DATA_PATH"] = os.pathsep.join(p for p in [str(into), os.environ.get("AWS_DATA_PATH", "")] if p)
    return True
