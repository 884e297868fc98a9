"""The JSON Schema of the scenario format, for editors that complete and check keys as one types.

Generated from the pydantic model, so it cannot drift from what the loader accepts; the loader still
checks more than a schema can say (references, paths between neighbours, lint). The schema describes
the YAML data as written, so aliases such as `with` appear under their YAML names.
"""

from typing import Any

from game.model.scenario import FORMAT_VERSION, Scenario

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
    return header | generated


def schema_text() -> str:
    """The schema as `accord schema` prints it and `scenarios/schema.json` holds it."""
    from game import jsontext

    return jsontext.dumps(scenario_json_schema(), indent=2) + "\n"
