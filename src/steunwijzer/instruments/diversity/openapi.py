"""OpenAPI paths and schemas of the Invulschema operations, merged into /api/v1/openapi.json.

operationIds are a public contract: diversity_get, diversity_put, diversity_import."""


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_PARAMETERS = [
    {
        "name": "brin_code",
        "in": "path",
        "required": True,
        "description": "BRIN plus vestigingsnummer, zoals 17XK00.",
        "schema": {"type": "string", "pattern": "^[0-9]{2}[A-Za-z]{2}[0-9]{2}$"},
    },
    {
        "name": "school_year",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$", "example": "2026-2027"},
    },
]
_ERRORS = {
    "401": _json(_ref("Error"), "Geen of een ongeldig API-token."),
    "403": _json(_ref("Error"), "Geen toegang tot deze school, of geen schoolredacteur."),
    "404": _json(_ref("Error"), "School, schooljaar of Invulschema bestaat niet."),
}
_COUNTS = {
    "type": "object",
    "description": 'Per groep ("6", "5/6", "6a") het aantal leerlingen per sleutel.',
    "additionalProperties": {
        "type": "object",
        "additionalProperties": {"type": "integer", "minimum": 0},
    },
    "example": {"6": {"geen": 18, "basis": 4, "extra": 5, "tlv": 2}},
}
_NUMBER = {"type": "number", "nullable": True}

SCHEMAS = {
    "DiversityResult": {
        "type": "object",
        "properties": {
            "pupils": {"type": "integer"},
            "points": {"type": "number"},
            "index": _NUMBER,
            "groups": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "group": {"type": "string"},
                        "pupils": {"type": "integer"},
                        "points": {"type": "number"},
                        "index": _NUMBER,
                        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                    },
                },
            },
            "signals": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "group": {"type": "string"},
                        "signal": {"type": "string"},
                        "sentence": {"type": "string"},
                    },
                },
            },
        },
    },
    "Invulschema": {
        "type": "object",
        "required": ["school", "school_year", "version", "counts", "result"],
        "properties": {
            "school": _ref("School"),
            "school_year": {"type": "string"},
            "version": {"type": "integer"},
            "source": {"type": "string", "enum": ["hand", "import", "api"]},
            "updated_at": {"type": "string", "format": "date-time"},
            "scheme": {"type": "object"},
            "counts": _COUNTS,
            "domain_counts": _COUNTS,
            "result": _ref("DiversityResult"),
        },
    },
    "InvulschemaUpdate": {
        "type": "object",
        "required": ["counts"],
        "properties": {
            "counts": _COUNTS,
            "domain_counts": _COUNTS,
            "update_pupil_count": {
                "type": "boolean",
                "description": "Maak het leerlingaantal van de school gelijk aan het totaal.",
            },
        },
    },
    "DiversityPreview": {
        "type": "object",
        "properties": {
            "confirmed": {"type": "boolean"},
            "rows": {"type": "integer"},
            "counts": _COUNTS,
            "domain_counts": _COUNTS,
            "result": _ref("DiversityResult"),
            "warnings": {"type": "array", "items": _ref("Problem")},
        },
    },
}

PATHS = {
    "/schools/{brin_code}/years/{school_year}/diversity/": {
        "parameters": _PARAMETERS,
        "get": {
            "operationId": "diversity_get",
            "summary": "Het Invulschema en de verscheidenheidsindex van een school in een jaar",
            "responses": {
                "200": _json(_ref("Invulschema"), "Aantallen, index per groep en signalen."),
                **_ERRORS,
            },
        },
        "put": {
            "operationId": "diversity_put",
            "summary": "De aantallen per groep en categorie opslaan (vervangt de vorige)",
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _ref("InvulschemaUpdate")}},
            },
            "responses": {
                "200": _json(_ref("Invulschema"), "Opgeslagen."),
                "400": _json(_ref("Error"), "Geen geldige JSON."),
                "422": _json(_ref("ValidationError"), "Problemen, elk met zijn pad."),
                **_ERRORS,
            },
        },
    },
    "/schools/{brin_code}/years/{school_year}/diversity/import/": {
        "parameters": _PARAMETERS,
        "post": {
            "operationId": "diversity_import",
            "summary": "Een leerlingexport (CSV of xlsx) tellen; met confirm=true opslaan",
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "confirm": {"type": "string", "enum": ["true", "false"]},
                                "update_pupil_count": {
                                    "type": "string",
                                    "enum": ["true", "false"],
                                },
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": _json(
                    {"oneOf": [_ref("DiversityPreview"), _ref("Invulschema")]},
                    "Zonder confirm het voorbeeld (niets opgeslagen), met confirm=true het "
                    "opgeslagen Invulschema.",
                ),
                "413": _json(_ref("Error"), "Het bestand is groter dan 20 MB."),
                "422": _json(
                    _ref("ValidationError"), "Problemen met regel en kolom; niets opgeslagen."
                ),
                **_ERRORS,
            },
        },
    },
}
