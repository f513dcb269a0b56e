"""OpenAPI paths and schemas of `ijk_get` and `ijk_put`, merged into api/openapi.py."""


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


_ERRORS = {
    "401": _json("Error", "Geen of een ongeldig API-token."),
    "403": _json(
        "Error",
        "Geen toegang: lezen mag wie een rol heeft bij de school, "
        "haar bestuur of samenwerkingsverband; schrijven alleen de schoolredacteuren.",
    ),
    "404": _json("Error", "School (BRIN + vestiging) of schooljaar bestaat niet."),
}

PATHS = {
    "/schools/{brin_code}/years/{school_year}/ijk/": {
        "parameters": [
            {
                "name": "brin_code",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "pattern": "^[0-9A-Za-z]{4}[0-9]{2}$"},
                "example": "17XK00",
                "description": "BRIN plus vestiging.",
            },
            {
                "name": "school_year",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$"},
                "example": "2025-2026",
            },
        ],
        "get": {
            "operationId": "ijk_get",
            "summary": "IJK-zelfevaluatie: scores, gemiddelden, vorig jaar en realiteitscheck",
            "responses": {"200": _json("Ijk", "De zelfevaluatie van dit schooljaar."), **_ERRORS},
        },
        "put": {
            "operationId": "ijk_put",
            "summary": "Scores zetten (alleen de meegegeven indicatoren; alles of niets)",
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _ref("IjkUpdate")}},
            },
            "responses": {
                "200": _json("Ijk", "Opgeslagen; de hele zelfevaluatie."),
                "400": _json("Error", "Geen geldige JSON."),
                **_ERRORS,
                "422": _json(
                    "ValidationError",
                    "Een score is ongeldig; path noemt hem, bijvoorbeeld scores.OP1.score.",
                ),
            },
        },
    }
}

_NULLABLE_NUMBER = {"type": "number", "nullable": True}

SCHEMAS = {
    "IjkScoreInput": {
        "type": "object",
        "required": ["score"],
        "additionalProperties": False,
        "properties": {
            "score": {"type": "integer", "description": "Een punt van de schaal van de catalogus."},
            "explanation": {
                "type": "string",
                "maxLength": 2000,
                "description": "Verplicht bij de laagste en de hoogste score.",
            },
            "evidence_url": {"type": "string", "format": "uri", "maxLength": 500},
        },
    },
    "IjkUpdate": {
        "type": "object",
        "required": ["scores"],
        "additionalProperties": False,
        "properties": {
            "scores": {
                "type": "object",
                "description": 'Indicatorcode → score, bijvoorbeeld {"OP1": {"score": 3}}.',
                "additionalProperties": _ref("IjkScoreInput"),
            }
        },
    },
    "IjkScore": {
        "type": "object",
        "properties": {
            "standard": {"type": "string"},
            "score": {"type": "integer"},
            "label": {"type": "string"},
            "explanation": {"type": "string"},
            "evidence_url": {"type": "string"},
            "evidence_file": {"type": "string", "nullable": True},
        },
    },
    "Ijk": {
        "type": "object",
        "required": ["school", "school_year", "catalogue", "scores", "standards", "realism"],
        "properties": {
            "school": _ref("School"),
            "school_year": {"type": "string"},
            "catalogue": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "version": {"type": "string"},
                    "name": {"type": "string"},
                    "scale": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "score": {"type": "integer"},
                                "label": {"type": "string"},
                            },
                        },
                    },
                },
            },
            "can_edit": {"type": "boolean"},
            "progress": {
                "type": "object",
                "properties": {"scored": {"type": "integer"}, "total": {"type": "integer"}},
            },
            "scores": {"type": "object", "additionalProperties": _ref("IjkScore")},
            "standards": {"type": "object", "additionalProperties": _NULLABLE_NUMBER},
            "groups": {"type": "object", "additionalProperties": _NULLABLE_NUMBER},
            "previous_year": {
                "type": "object",
                "properties": {
                    "school_year": {"type": "string"},
                    "standards": {
                        "type": "object",
                        "nullable": True,
                        "additionalProperties": _NULLABLE_NUMBER,
                    },
                },
            },
            "realism": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "indicator": {"type": "string"},
                        "self_score": {"type": "integer", "nullable": True},
                        "observed": _NULLABLE_NUMBER,
                        "observations": {"type": "integer"},
                        "flag": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["differs", "not_observed", None],
                        },
                    },
                },
            },
            "summary": {"type": "string", "description": "Tekst voor hoofdstuk 2 van het SOP."},
        },
    },
}
