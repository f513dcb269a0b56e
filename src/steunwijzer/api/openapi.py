"""The OpenAPI 3 description of /api/v1/. operationIds are a public contract: never rename."""

from django.conf import settings


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
                },
            },
        ]
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
        },
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
        },
    }
