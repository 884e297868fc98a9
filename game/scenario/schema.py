"""The JSON Schema of the scenario format, for editors that complete and check keys as one types.

Generated from the pydantic model, so it cannot drift from what the loader accepts; the loader still
checks more than a schema can say (references, paths between neighbours, lint). The schema describes
the YAML data as written, so aliases such as `with` appear under their YAML names.
"""

from typing import Any

from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS
from game.model.fields import CONDITION_FIELDS, EFFECT_FIELDS
from game.model.scenario import FORMAT_VERSION, Scenario
from game.model.vocabulary import BUILTIN_FORMS, CAPACITIES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:accord:scenario-format:{FORMAT_VERSION}"
"""A URN, not a URL: the schema ships in the repository as `scenarios/schema.json` and is not served."""


def scenario_json_schema() -> dict[str, Any]:
    generated = Scenario.model_json_schema(mode="validation", by_alias=True)
    header: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": f"Accord scenario (format {FORMAT_VERSION})",
        "description": (
            "A scenario for Accord, written in YAML. `accord validate FILE` checks what a schema "
            "cannot: that every id referred to exists, that routes step between neighbours, and lint "
            "warnings."
        ),
    }
    generated.pop("title", None)
    generated.pop("description", None)
    definitions = generated.setdefault("$defs", {})
    _refuse_nan(generated)
    definitions[NAN] = {
        "description": "NaN (.nan) is not a figure: every number in a scenario is finite.",
        "type": "number", "minimum": 1, "maximum": 0,
    }
    for (model, key), words in _suggestions().items():
        properties = definitions[model]["properties"]
        properties[key] = _suggest(properties[key], words)
    return header | generated


NAN = "NotANumber"
"""A schema that only NaN meets (every real number is below 1 or above 0): JSON Schema has no word
for "finite", and NaN passes every `minimum` and `maximum`, so each number says `not` this."""


def _refuse_nan(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            node["not"] = {"$ref": f"#/$defs/{NAN}"}
        for value in node.values():
            _refuse_nan(value)
    elif isinstance(node, list):
        for value in node:
            _refuse_nan(value)


def _suggestions() -> dict[tuple[str, str], list[str]]:
    """The words an editor offers as one types an id: built-in laws, agreements and forms, and the
    fields events may change (a scenario's own laws and forms are accepted as well)."""
    laws, agreements, forms = sorted(BUILTIN_LAWS), sorted(BUILTIN_AGREEMENTS), list(BUILTIN_FORMS)

    def fields(table: dict[str, tuple[str, ...]]) -> list[str]:
        found = []
        for names in table.values():
            for name in names:
                if name == "demand.<form>":
                    found += [f"demand.{form}" for form in forms]
                elif name == "capacities.<capacity>":
                    found += [f"capacities.{capacity}" for capacity in CAPACITIES]
                else:
                    found.append(name)
        return sorted(set(found))

    return {
        ("State", "laws"): laws, ("AdoptLaw", "law"): laws, ("SignAgreement", "agreement"): agreements,
        ("LawOverride", "id"): laws, ("LawOverride", "based_on"): laws, ("LawOverride", "prerequisites"): laws,
        ("AgreementOverride", "id"): agreements, ("AgreementOverride", "based_on"): agreements,
        ("AgreementOverride", "requires_laws"): laws, ("Route", "form"): forms,
        ("Effect", "field"): fields(EFFECT_FIELDS), ("Condition", "field"): fields(CONDITION_FIELDS),
    }


def _suggest(schema: dict[str, Any], words: list[str]) -> dict[str, Any]:
    """`schema` that also offers `words` (for a list, for its items), without refusing other ids."""
    if "anyOf" in schema:  # optional: the first member is the value's own schema
        first, *rest = schema["anyOf"]
        return schema | {"anyOf": [_suggest(first, words), *rest]}
    if schema.get("type") == "array":
        return schema | {"items": _suggest(schema["items"], words)}
    kept = {key: schema.pop(key) for key in ("description", "title", "examples", "default") if key in schema}
    return kept | {"anyOf": [{"enum": words}, schema]}


def schema_text() -> str:
    """The schema as `accord schema` prints it and `scenarios/schema.json` holds it."""
    from game import jsontext

    return jsontext.dumps(scenario_json_schema(), indent=2) + "\n"
