"""The OpenAPI 3 description of /api/v1/. operationIds are a public contract: never rename."""

from django.conf import settings

from steunwijzer.instruments.diversity import openapi as diversity_openapi
from steunwijzer.instruments.ijk import openapi as ijk_openapi
from steunwijzer.publication import openapi as public_openapi
from steunwijzer.regional_model.sop_format import MANDATORY_PARTS


def _json(schema_ref: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}},
    }


ERRORS = {
    "401": _json("Error", "Geen of een ongeldig API-token."),
    "403": _json("Error", "Geen toegang tot dit profiel of deze handeling."),
    "404": _json("Error", "Profiel bestaat niet."),
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "Uitleg in het Nederlands."}},
    },
    "Problem": {
        "type": "object",
        "required": ["path", "message"],
        "properties": {
            "path": {"type": "string", "example": "answers.expertise_team[2].uren"},
            "message": {"type": "string"},
        },
    },
    "ValidationError": {
        "allOf": [
            {"$ref": "#/components/schemas/Error"},
            {
                "type": "object",
                "properties": {
                    "problems": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Problem"},
                    },
                },
            },
        ]
    },
    "School": {
        "type": "object",
        "properties": {
            "brin": {"type": "string", "example": "12AB"},
            "vestiging": {"type": "string", "example": "00"},
            "name": {"type": "string"},
        },
    },
    "ProfileSummary": {
        "type": "object",
        "required": ["id", "school", "school_year", "state", "version", "updated_at"],
        "properties": {
            "id": {"type": "integer"},
            "school": {"$ref": "#/components/schemas/School"},
            "school_year": {"type": "string", "example": "2026-2027"},
            "state": {"type": "string", "example": "concept"},
            "version": {"type": "integer", "description": "Telt elke opslag."},
            "updated_at": {"type": "string", "format": "date-time"},
        },
    },
    "Profile": {
        "allOf": [
            {"$ref": "#/components/schemas/ProfileSummary"},
            {
                "type": "object",
                "properties": {
                    "format": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "version": {"type": "string"},
                            "name": {"type": "string"},
                        },
                    },
                    "answers": {
                        "type": "object",
                        "description": "Veldsleutel → antwoord. Lange tekst is opgeschoonde HTML "
                        "(p, ul, ol, li, strong, a, br); tabellen zijn lijsten van rijen.",
                        "additionalProperties": True,
                    },
                    "allowed_actions": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Handelingen die deze gebruiker nu mag doen.",
                    },
                    "kind": {
                        "type": "string",
                        "enum": ["regional", "own"],
                        "description": "regional: ingevuld in het regionale model; own: een "
                        "eigen document van de school (eigen model).",
                    },
                    "own_document": {
                        "allOf": [{"$ref": "#/components/schemas/OwnDocument"}],
                        "nullable": True,
                        "description": "Alleen bij kind own; null zolang er niets is opgeslagen.",
                    },
                },
            },
        ]
    },
    "OwnDocument": {
        "type": "object",
        "required": ["filename", "content_type", "size", "locations"],
        "properties": {
            "filename": {"type": "string", "description": "Leeg zolang er geen bestand is."},
            "content_type": {
                "type": "string",
                "enum": [
                    "",
                    "application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ],
            },
            "size": {"type": "integer", "description": "Grootte in bytes."},
            "locations": {
                "type": "object",
                "description": "Verplicht onderdeel → waar het in het document staat.",
                "properties": {
                    key: {"type": "string", "example": "blz. 4"} for key in MANDATORY_PARTS
                },
            },
        },
    },
    "ProfileUpdate": {
        "type": "object",
        "required": ["base_version", "answers"],
        "properties": {
            "base_version": {
                "type": "integer",
                "description": "De versie waarop deze wijziging is gebaseerd.",
            },
            "answers": {
                "type": "object",
                "additionalProperties": True,
                "description": "Alleen de velden die veranderen; null maakt een veld leeg.",
            },
        },
    },
    "Transition": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "action": {"type": "string", "example": "give_advice"},
            "from_state": {"type": "string"},
            "to_state": {"type": "string"},
            "version": {"type": "integer"},
            "actor": {"type": "string"},
            "at": {"type": "string", "format": "date-time"},
            "payload": {"type": "object", "additionalProperties": True},
        },
    },
    "TransitionRequest": {
        "type": "object",
        "required": ["action"],
        "properties": {
            "action": {
                "type": "string",
                "description": "request_advice, give_advice, submit_to_board, return_to_school, "
                "establish, deliver, acknowledge, publish, start_new_draft; in the schoolgids "
                "route also record_pupil_views, request_consent, give_consent.",
            },
            "payload": {
                "type": "object",
                "additionalProperties": True,
                "description": "give_advice: advice (positief, positief_met_opmerkingen, "
                "negatief), motivation (verplicht tenzij positief), date. give_consent: "
                "decision (instemming, geen_instemming), motivation, date. return_to_school: "
                "remarks. establish: established_on. acknowledge: received_on. "
                "record_pupil_views: heard_on, method, views, response. Others: note.",
            },
        },
    },
    "ProfileDiff": {
        "type": "object",
        "required": ["from", "to", "fields"],
        "properties": {
            "from": {"type": "integer"},
            "to": {"type": "integer"},
            "fields": {
                "type": "array",
                "description": "In de volgorde van het SOP-model.",
                "items": {
                    "type": "object",
                    "required": ["chapter", "field", "label", "status", "segments"],
                    "properties": {
                        "chapter": {"type": "string", "example": "visie"},
                        "field": {"type": "string", "example": "visie_passend_onderwijs"},
                        "label": {"type": "string"},
                        "status": {"type": "string", "enum": ["added", "removed", "changed"]},
                        "segments": {
                            "type": "array",
                            "description": "De tekst in stukken: equal en delete samen vormen "
                            "de oude tekst, equal en insert de nieuwe. Lange tekst zonder opmaak, "
                            "keuzes als hun omschrijving, tabelrijen één per regel.",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "op": {"type": "string", "enum": ["equal", "insert", "delete"]},
                                    "text": {"type": "string"},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
    "CheckReport": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "version": {"type": "integer"},
            "blocking": {"type": "integer", "description": "Verplichte punten die nog open zijn."},
            "warnings": {"type": "integer"},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "check": {
                            "type": "string",
                            "enum": ["complete", "concrete", "readable", "concise", "distinctive"],
                        },
                        "code": {"type": "string"},
                        "severity": {"type": "string", "enum": ["block", "warn"]},
                        "message": {"type": "string"},
                        "chapter": {"type": "string", "nullable": True},
                        "field": {"type": "string", "nullable": True},
                        "excerpt": {"type": "string"},
                        "suggestion": {"type": "string"},
                    },
                },
            },
        },
    },
    "Conflict": {
        "allOf": [
            {"$ref": "#/components/schemas/Error"},
            {
                "type": "object",
                "properties": {
                    "current_version": {"type": "integer"},
                    "profile": {"$ref": "#/components/schemas/Profile"},
                },
            },
        ]
    },
}


def openapi_document() -> dict:
    profile_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer"},
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Steunwijzer API",
            "version": "1.0.0",
            "description": "Schoolondersteuningsprofielen lezen en bewerken. Aanmelden met een "
            "persoonlijk API-token (Mijn account → API-tokens, of `steunwijzer token create`).",
        },
        "servers": [{"url": f"{settings.SITE_URL}/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": {
            **public_openapi.PATHS,
            "/profiles/": {
                "get": {
                    "operationId": "profiles_list",
                    "summary": "Profielen die u mag zien",
                    "parameters": [
                        {"name": "school_year", "in": "query", "schema": {"type": "string"}},
                        {"name": "brin", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "Lijst van profielen.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "profiles": {
                                                "type": "array",
                                                "items": {
                                                    "$ref": "#/components/schemas/ProfileSummary"
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "401": ERRORS["401"],
                    },
                }
            },
            "/profiles/{id}/": {
                "parameters": [profile_id],
                "get": {
                    "operationId": "profile_get",
                    "summary": "Eén profiel met modelversie, antwoorden, status en versie",
                    "responses": {"200": _json("Profile", "Het profiel."), **ERRORS},
                },
                "patch": {
                    "operationId": "profile_update",
                    "summary": "Antwoorden wijzigen",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ProfileUpdate"},
                            }
                        },
                    },
                    "responses": {
                        "200": _json("Profile", "Opgeslagen; het profiel met de nieuwe versie."),
                        "400": _json("Error", "Geen geldige JSON."),
                        **ERRORS,
                        "409": _json("Conflict", "base_version is niet de huidige versie."),
                        "422": _json("ValidationError", "Een veld is ongeldig; path noemt het."),
                    },
                },
            },
            "/profiles/{id}/diff/": {
                "parameters": [profile_id],
                "get": {
                    "operationId": "profile_diff",
                    "summary": "Verschillen tussen twee versies, per veld en per woord",
                    "parameters": [
                        {
                            "name": name,
                            "in": "query",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 0},
                            "description": description,
                        }
                        for name, description in (
                            ("from", "De oude versie, bijvoorbeeld die waarover de MR adviseerde."),
                            ("to", "De nieuwe versie; de huidige is `version` van het profiel."),
                        )
                    ],
                    "responses": {
                        "200": _json("ProfileDiff", "Alleen de velden die verschillen."),
                        **ERRORS,
                        "422": _json("Error", "Een versienummer ontbreekt of bestaat niet."),
                    },
                },
            },
            "/profiles/{id}/transitions/": {
                "parameters": [profile_id],
                "post": {
                    "operationId": "profile_transition",
                    "summary": "Een stap in de route zetten (advies vragen, vaststellen, …)",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/TransitionRequest"},
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "De stap is gezet.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "transition": {
                                                "$ref": "#/components/schemas/Transition"
                                            },
                                            "profile": {"$ref": "#/components/schemas/Profile"},
                                        },
                                    }
                                }
                            },
                        },
                        "400": _json("Error", "Geen geldige JSON."),
                        **ERRORS,
                        "403": _json("Error", "Deze rol mag deze stap niet zetten."),
                        "409": _json("Error", "De stap kan niet vanuit de huidige status."),
                        "422": _json("ValidationError", "Gegevens bij de stap ontbreken."),
                    },
                },
            },
            "/profiles/{id}/check/": {
                "parameters": [profile_id],
                "get": {
                    "operationId": "profile_check",
                    "summary": "SOP-check: compleet, concreet, leesbaar, bondig, eigen",
                    "responses": {
                        "200": _json(
                            "CheckReport",
                            "De bevindingen; verplichte punten blokkeren de stap naar de MR.",
                        ),
                        **ERRORS,
                    },
                },
            },
            "/profiles/{id}/history/": {
                "parameters": [profile_id],
                "get": {
                    "operationId": "profile_history",
                    "summary": "Tijdlijn van stappen en alle opgeslagen versies",
                    "responses": {
                        "200": {
                            "description": "Stappen (nieuwste eerst) en versies.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "transitions": {
                                                "type": "array",
                                                "items": {
                                                    "$ref": "#/components/schemas/Transition"
                                                },
                                            },
                                            "revisions": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "additionalProperties": True,
                                                },
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        **ERRORS,
                    },
                },
            },
            **diversity_openapi.PATHS,
            **ijk_openapi.PATHS,
        },
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS
            | diversity_openapi.SCHEMAS
            | ijk_openapi.SCHEMAS
            | public_openapi.SCHEMAS,
        },
    }
