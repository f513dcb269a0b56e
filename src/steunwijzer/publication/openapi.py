"""OpenAPI paths and schemas of the open data (merged into /api/v1/openapi.json).

operationIds are a public contract: public_profiles_list, public_profile_get.
"""

NO_LOGIN = []  # an empty security list: these operations need no token


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _query(name: str, description: str, **schema) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Versie van dit antwoord."},
    "Cache-Control": {"schema": {"type": "string"}, "description": "public, max-age=300"},
}


def _ok(schema: str, description: str) -> dict:
    return {
        "description": description,
        "headers": CACHE_HEADERS,
        "content": {"application/json": {"schema": _ref(schema)}},
    }


NOT_MODIFIED = {"description": "Niet gewijzigd (If-None-Match gaf de huidige ETag)."}
NOT_FOUND = {
    "description": "Geen gepubliceerd SOP (of samenwerkingsverband) gevonden.",
    "content": {"application/json": {"schema": _ref("Error")}},
}

PATHS = {
    "/public/profiles/": {
        "get": {
            "operationId": "public_profiles_list",
            "summary": "Gepubliceerde SOP's (open data, zonder inloggen)",
            "description": "Het nieuwste gepubliceerde SOP van elke school, met dezelfde "
            "filters als de schoolzoeker. 50 per pagina.",
            "security": NO_LOGIN,
            "parameters": [
                _query("partnership", "Slug van het samenwerkingsverband."),
                _query("municipality", "Gemeente, precies zoals de school die noemt."),
                _query("district", "Wijk of stadsdeel."),
                _query("denomination", "Denominatie (richting)."),
                {
                    "name": "offer",
                    "in": "query",
                    "required": False,
                    "description": "Aanbod uit een checklist van het model, als "
                    "`veld.keuze`, bv. `expertise_aanbod.dyslexie`. Mag vaker.",
                    "schema": {"type": "array", "items": {"type": "string"}},
                    "style": "form",
                    "explode": True,
                },
                _query("q", "Zoekwoorden in de teksten van het SOP."),
                _query("page", "Paginanummer, vanaf 1.", type="integer", minimum=1),
            ],
            "responses": {
                "200": _ok("PublicProfileList", "Een pagina met scholen."),
                "304": NOT_MODIFIED,
                "400": {
                    "description": "Ongeldige parameter.",
                    "content": {"application/json": {"schema": _ref("Error")}},
                },
                "404": NOT_FOUND,
            },
        }
    },
    "/public/profiles/{brin_code}/": {
        "get": {
            "operationId": "public_profile_get",
            "summary": "Eén gepubliceerd SOP per hoofdstuk en veld (open data)",
            "security": NO_LOGIN,
            "parameters": [
                {
                    "name": "brin_code",
                    "in": "path",
                    "required": True,
                    "description": "BRIN met vestigingsnummer, bv. 12AB00.",
                    "schema": {"type": "string", "pattern": "^[0-9]{2}[A-Za-z]{2}[0-9]{2}$"},
                },
                _query("school_year", "Een eerder schooljaar, bv. 2025-2026."),
            ],
            "responses": {
                "200": _ok("PublicProfile", "Het gepubliceerde SOP."),
                "304": NOT_MODIFIED,
                "404": NOT_FOUND,
            },
        }
    },
}

_NULLABLE_STRING = {"type": "string", "nullable": True}

SCHEMAS = {
    "PublicProfileSummary": {
        "type": "object",
        "required": ["brin_code", "name", "school_year", "offers", "url"],
        "properties": {
            "brin_code": {"type": "string", "example": "12AB00"},
            "name": {"type": "string"},
            "school_year": {"type": "string", "example": "2026-2027"},
            "city": {"type": "string"},
            "municipality": {"type": "string"},
            "district": {"type": "string"},
            "denomination": {"type": "string"},
            "school_type": {"type": "string", "enum": ["bao", "sbo", "so"]},
            "offers": {"type": "array", "items": {"type": "string"}},
            "established_on": {**_NULLABLE_STRING, "format": "date"},
            "url": {"type": "string"},
        },
    },
    "PublicProfileList": {
        "type": "object",
        "required": ["count", "page", "pages", "results"],
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "results": {"type": "array", "items": _ref("PublicProfileSummary")},
        },
    },
    "PublicItem": {
        "type": "object",
        "required": ["kind", "key"],
        "properties": {
            "kind": {"type": "string", "enum": ["fixed_text", "field"]},
            "key": {"type": "string"},
            "title": {"type": "string"},
            "text": {"type": "string", "description": "Vaste tekst (markup)."},
            "type": {"type": "string"},
            "label": {"type": "string"},
            "value": {"nullable": True, "description": "Het antwoord; lange tekst als HTML."},
            "value_labels": {"type": "array", "items": {"type": "string"}},
        },
    },
    "PublicProfile": {
        "type": "object",
        "required": ["school", "school_year", "version", "kind", "dates", "chapters"],
        "properties": {
            "school": {"type": "object", "additionalProperties": True},
            "school_year": {"type": "string"},
            "version": {"type": "integer"},
            "kind": {"type": "string", "enum": ["regional", "own"]},
            "format": {"type": "object", "additionalProperties": True},
            "dates": {
                "type": "object",
                "properties": {
                    "established_on": {**_NULLABLE_STRING, "format": "date"},
                    "published_at": {**_NULLABLE_STRING, "format": "date-time"},
                    "last_evaluation": {**_NULLABLE_STRING, "format": "date"},
                    "next_evaluation": {**_NULLABLE_STRING, "format": "date"},
                },
            },
            "chapters": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "key": {"type": "string"},
                        "number": {"type": "string"},
                        "title": {"type": "string"},
                        "mandatory_part": {**_NULLABLE_STRING},
                        "sections": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "key": {"type": "string"},
                                    "title": {"type": "string"},
                                    "items": {"type": "array", "items": _ref("PublicItem")},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}
