"""Who gets what from every URL: the table tests/test_permission_matrix.py checks.

Every URL pattern of the project (pages and API, walked from the URL configuration) must have
at least one entry here; a pattern without one fails the test by name, so no page goes live
untested. Only Django's own admin under /beheer/ is left out: it is Django's code, reachable by
platform admins (is_staff) only, and its permissions are Django's admin permissions.

Adding an entry is one line in MATRIX:

    page("school_overview", READERS, school_id="school.pk"),
    post("thing_delete", EDITORS, pk="thing.pk"),
    api("api_thing", READERS, pk="profile.pk"),
    api("api_thing", EDITORS, method="patch", pk="profile.pk", json={"x": 1}),

- the first argument is the URL name (`app:name` for namespaced URLs; a pattern without a name
  cannot get an entry, so every pattern needs one);
- the second is the expected status per persona: one of the rules below (PUBLIC, SIGNED_IN,
  READERS, EDITORS, OFFICERS, STAFF, …) or `rule(allowed_personas, …)`; exceptions are
  keyword arguments of `rule` or a dict merged with `|`: `READERS | {"mr_member": 403}`;
- keyword arguments build the URL: a string is a path into the test world (`World` in
  test_permission_matrix.py: `profile.pk`, `school.brin`, `partnership.slug`, `comment.pk`,
  …); anything else is used as it is. The values of `query` are read the same way. New
  objects for new apps go into `World.build`.

`page` does a GET (as a signed-in session); `post` POSTs `data` (default empty) and checks that
every persona that is denied gets its status and that the database is unchanged; `api` calls
with the persona's Bearer token (none for anonymous). An allowed persona of a POST gets ANY:
whatever status the view gives to an empty form, as long as it is not a denial.

Statuses: an int, LOGIN (302 to the sign-in page), ANY (not 401/403/404/405, not LOGIN, not 5xx).
"""

from dataclasses import dataclass, field

LOGIN = "login"
ANY = "any"

PERSONAS = (
    "anonymous",
    "outsider",
    "team_member",
    "editor",
    "mr_member",
    "other_editor",
    "officer",
    "other_officer",
    "staff",
    "other_staff",
)
SIGNED_IN_PERSONAS = frozenset(PERSONAS) - {"anonymous"}
SCHOOL_READERS = frozenset({"team_member", "editor", "mr_member", "officer", "staff"})


def rule(allowed, ok=200, deny=403, anonymous=LOGIN, **exceptions) -> dict:
    """The expected status of every persona: `ok` for the allowed ones, `deny` for the others,
    `anonymous` for a visitor who is not signed in; keyword exceptions per persona."""
    expected = {p: (ok if p in allowed else deny) for p in PERSONAS}
    expected["anonymous"] = ok if "anonymous" in allowed else anonymous
    return expected | exceptions


PUBLIC = rule(PERSONAS)
SIGNED_IN = rule(SIGNED_IN_PERSONAS)
READERS = rule(SCHOOL_READERS)  # everyone with a role at the school (school, its board, SWV)
EDITORS = rule({"editor"})  # the school's directeur / IB'er
OFFICERS = rule({"officer"})  # the quality officer of the school's board
STAFF = rule({"staff"})  # staff of the partnership
# The form editor's node for the model's own name and version (a literal, not a world path).
MODEL_NODE = "model"
# The API: a missing or unknown token is 401, never a redirect.
API_SIGNED_IN = rule(SIGNED_IN_PERSONAS, anonymous=401)
API_READERS = rule(SCHOOL_READERS, anonymous=401)
API_EDITORS = rule({"editor"}, anonymous=401)


@dataclass(frozen=True)
class Check:
    name: str
    expected: dict
    kind: str = "page"  # page (GET), post, api
    method: str = "get"
    kwargs: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        args = "".join(f"-{value}" for value in self.kwargs.values())
        return f"{self.name}-{self.method}{args}"


def page(name, expected, *, query=None, **kwargs) -> Check:
    return Check(name, expected, "page", "get", kwargs, query=query or {})


def post(name, expected, *, data=None, **kwargs) -> Check:
    allowed = {p: (ANY if s == 200 else s) for p, s in expected.items()}
    return Check(name, allowed, "post", "post", kwargs, data=data or {})


def api(name, expected, *, method="get", json=None, query=None, **kwargs) -> Check:
    if method != "get":
        expected = {p: (ANY if s == 200 else s) for p, s in expected.items()}
    return Check(name, expected, "api", method, kwargs, data=json or {}, query=query or {})


# Not found for everyone, signed in or not (an unpublished SOP's public download).
NOT_FOUND = rule(PERSONAS, ok=404)
# The IJK, Kijkwijzer and Invulschema of the test world are of this year; the published SOP of
# the other (the world's other profiles are not published).
IJK_YEAR = "2026-2027"
PUBLISHED_YEAR = "2024-2025"

PROFILE = {"pk": "profile.pk"}
API_PROFILE = {"id": "profile.pk"}  # the API's paths name it `id`, as its OpenAPI document does
IJK = {"school_id": "school.pk", "school_year": IJK_YEAR}
DIVERSITY = {"brin_code": "school.brin_code", "school_year": IJK_YEAR}
BRIN = {"brin": "school.brin"}
# The four addresses of a school's downloads: BRIN, + vestiging, + year, + both.
PUBLISHED_PATHS = [
    BRIN,
    BRIN | {"vestiging": "school.vestiging"},
    BRIN | {"schooljaar": PUBLISHED_YEAR},
    BRIN | {"vestiging": "school.vestiging", "schooljaar": PUBLISHED_YEAR},
]
# Years whose SOP is not published: a concept (profile) and one with the MR's advice
# (advised_profile).
UNPUBLISHED_PATHS = [
    BRIN | {"schooljaar": IJK_YEAR},
    BRIN | {"vestiging": "school.vestiging", "schooljaar": "2025-2026"},
]
PUBLIC_DOWNLOADS = ("public_sop_pdf", "public_sop_docx", "public_schoolgids_docx")
BOARD = {"board_id": "board.pk"}
PARTNERSHIP = {"slug": "partnership.slug"}
PEER = "other_editor"  # an editor of another school, invited to observe (World.build)
CHAPTER = {"pk": "profile.pk", "chapter": "chapter"}

MATRIX = [
    # --- signing in, account, invitations (organisations) -------------------------------------
    page("login", PUBLIC | {p: 302 for p in SIGNED_IN_PERSONAS}),  # signed in: on to home
    page("logout", rule(PERSONAS, ok=405)),  # signing out is a POST
    page("password_reset", PUBLIC),
    page("password_reset_done", PUBLIC),
    page("password_reset_confirm", PUBLIC, uidb64="MQ", token="set-password"),
    page("password_reset_complete", PUBLIC),
    page("password_change", SIGNED_IN),
    page("password_change_done", SIGNED_IN),
    page("account_settings", SIGNED_IN),
    post("api_token_create", SIGNED_IN),
    # Only the token's own holder may revoke it; anyone else finds nothing.
    post("api_token_revoke", rule({"editor"}, deny=404), pk="editor_token.pk"),
    # Who invites: the school's editors, board officers and partnership staff.
    page(
        "invite",
        rule({"editor", "other_editor", "officer", "other_officer", "staff", "other_staff"}),
    ),
    page("invitation_accept", PUBLIC, token="invitation_token"),
    page("partnership_settings", STAFF, slug="partnership.slug"),
    page("schools_import", STAFF, slug="partnership.slug"),
    page("districts", STAFF, slug="partnership.slug"),
    page("boards", STAFF, slug="partnership.slug"),
    page("invitation_list", STAFF, slug="partnership.slug"),
    post("invitation_resend", STAFF, slug="partnership.slug", pk="invitation_pk"),
    page("school_location", STAFF, slug="partnership.slug", brin_code="school.brin_code"),
    post("school_location", STAFF, slug="partnership.slug", brin_code="school.brin_code"),
    # --- profiles: the SOP, its versions, the editor ----------------------------------------
    page("home", SIGNED_IN),
    post("profile_new", EDITORS, school_id="school.pk"),
    # The SOP's own address sends editors to the editor and everyone else to the preview.
    page("profile_detail", rule(SCHOOL_READERS, ok=302), **PROFILE),
    page("profile_preview", READERS, **PROFILE),
    page("profile_revisions", READERS, **PROFILE),
    page("profile_revision", READERS, pk="profile.pk", number=1),
    post("profile_revision_restore", EDITORS, pk="profile.pk", number=1),
    page("profile_chapter", EDITORS, **CHAPTER),
    # Locked (with the MR's advice): its editors read why and who can open it; others as ever.
    page("profile_chapter", EDITORS, **(CHAPTER | {"pk": "advised_profile.pk"})),
    post("profile_autosave", EDITORS, **CHAPTER),
    page("profile_import", EDITORS, **PROFILE),
    post("profile_import", EDITORS, **PROFILE),
    post("profile_import_confirm", EDITORS, **PROFILE),
    post("profile_resolve_conflict", EDITORS, **CHAPTER),
    page("own_document", EDITORS, pk="own_profile.pk"),
    post("own_document_upload", EDITORS, pk="own_profile.pk"),
    page("own_document_file", READERS, pk="own_profile.pk"),
    page("profile_evaluation", READERS, **PROFILE),
    post("profile_evaluation", EDITORS, **PROFILE),
    page("partnership_documents", STAFF, slug="partnership.slug"),
    page("school_documents", EDITORS, school_id="school.pk"),
    page("supporting_document_file", READERS, pk="school_document.pk"),
    post("supporting_document_remove", EDITORS, pk="school_document.pk"),
    # --- review: comments and the diff -------------------------------------------------------
    page("profile_diff", READERS, **PROFILE),
    page("profile_review", READERS, **PROFILE),
    post("comment_create", READERS, **PROFILE),
    post("comment_resolve", EDITORS, pk="comment.pk"),
    post("comment_reopen", EDITORS, pk="comment.pk"),
    # --- route: steps, the MR's statement, delivery, deadlines, to-do -------------------------
    page("profile_route", READERS, **PROFILE),
    post("profile_transition", EDITORS, pk="profile.pk", action="request_advice"),
    page(
        "transition_statement",
        READERS,
        pk="advised_profile.pk",
        transition_id="advice.pk",
    ),
    page("board_deliver", OFFICERS, board_id="board.pk"),
    post("board_remind_late", OFFICERS, board_id="board.pk"),
    page("todo", SIGNED_IN),
    # --- notifications: each person their own; another's is not found ------------------------
    page("notification_list", SIGNED_IN),
    page("notification_settings", SIGNED_IN),
    post("notification_settings", SIGNED_IN),
    post("notifications_read_all", SIGNED_IN),
    post("notification_read", rule({"mr_member"}, deny=404), pk="notification.pk"),
    page("partnership_deadlines", STAFF, slug="partnership.slug"),
    page("board_deadlines", OFFICERS, board_id="board.pk"),
    post(
        "board_deadline_remove",
        OFFICERS,
        board_id="board.pk",
        school_year="2026-2027",
    ),
    # --- SOP-check and the regional model -----------------------------------------------------
    page("partnership_checks", STAFF, slug="partnership.slug"),
    page("check_settings", STAFF, slug="partnership.slug"),
    page("format_versions", STAFF, slug="partnership.slug"),
    page("format_version_source", STAFF, slug="partnership.slug", pk="format_version.pk"),
    page("format_edit", STAFF, slug="partnership.slug"),
    post("format_edit", STAFF, slug="partnership.slug"),
    post("format_check", STAFF, slug="partnership.slug"),
    page("format_outline", STAFF, slug="partnership.slug"),
    page("format_outline_node", STAFF, slug="partnership.slug", at=MODEL_NODE),
    post("format_outline_node", STAFF, slug="partnership.slug", at=MODEL_NODE),
    page("format_outline_requirements", STAFF, slug="partnership.slug"),
    post("format_outline_requirements", STAFF, slug="partnership.slug"),
    post("format_outline_change", STAFF, slug="partnership.slug"),
    post("format_outline_publish", STAFF, slug="partnership.slug"),
    post("format_outline_discard", STAFF, slug="partnership.slug"),
    page("format_compare", STAFF, slug="partnership.slug"),
    page(
        "format_compare",
        STAFF,
        slug="partnership.slug",
        query={"a": "format_version.pk", "b": "format_version.pk"},
    ),
    page("fixed_text_summaries", STAFF, slug="partnership.slug"),
    post("fixed_text_summaries", STAFF, slug="partnership.slug"),
    post("fixed_text_confirm", STAFF, slug="partnership.slug", key="basisondersteuning_uitleg"),
    # --- the Verscheidenheidsindex scheme and the IJK catalogue of the partnership -------------
    *(
        entry
        for kind, version in (
            ("diversity_scheme", "scheme_version.pk"),
            ("ijk_catalogue", "catalogue_version.pk"),
        )
        for entry in (
            page(f"{kind}_versions", STAFF, slug="partnership.slug"),
            post(f"{kind}_preview", STAFF, slug="partnership.slug"),
            post(f"{kind}_publish", STAFF, slug="partnership.slug"),
            page(f"{kind}_source", STAFF, slug="partnership.slug", pk=version),
            page(f"{kind}_default", STAFF, slug="partnership.slug"),
            page(f"{kind}_compare", STAFF, slug="partnership.slug"),
            page(
                f"{kind}_compare",
                STAFF,
                slug="partnership.slug",
                query={"a": version, "b": version},
            ),
        )
    ),
    # --- two-step verification: always one's own account --------------------------------------
    # Without 2FA switched on there is no second step: straight on.
    page("two_factor_verify", rule(SIGNED_IN_PERSONAS, ok=302)),
    page("two_factor_settings", SIGNED_IN),
    post("two_factor_settings", SIGNED_IN),
    post("recovery_codes_regenerate", SIGNED_IN),
    post("two_factor_disable", SIGNED_IN),
    # --- IJK self-evaluation and Kijkwijzer ----------------------------------------------------
    # The current year's address only redirects; the page it leads to checks.
    page("ijk_current", rule(SIGNED_IN_PERSONAS, ok=302), school_id="school.pk"),
    page("ijk_evaluation", READERS, **IJK),
    post("ijk_score", EDITORS, code="OP1", **IJK),
    post("ijk_evaluation", EDITORS, **IJK),
    page("ijk_result", READERS, **IJK),
    page("ijk_observations", READERS, **IJK),
    # The board's officer, or a peer invited for this school and year.
    page("ijk_observation_new", rule({"officer", PEER}), **IJK),
    post("ijk_observation_new", rule({"officer", PEER}), **IJK),
    # The school's editors and the board's officer invite; the peer reads no school pages.
    post("ijk_peer_assign", rule({"editor", "officer"}), **IJK),
    # Read by everyone at the school and by its observer.
    page("ijk_observation", rule(SCHOOL_READERS | {PEER}), pk="observation.pk"),
    page("ijk_observer_home", SIGNED_IN),
    page("ijk_evidence_file", READERS, pk="evidence.pk"),
    post("ijk_summary_take_over", EDITORS, **PROFILE),
    # --- Verscheidenheidsindex and Invulschema --------------------------------------------------
    page("diversity_current", rule(SCHOOL_READERS, ok=302), brin_code="school.brin_code"),
    page("diversity_school", READERS, **DIVERSITY),
    page("diversity_edit", EDITORS, **DIVERSITY),
    post("diversity_edit", EDITORS, **DIVERSITY),
    page("diversity_import", EDITORS, **DIVERSITY),
    post("diversity_import", EDITORS, **DIVERSITY),
    # Nothing read in yet: the editor is sent back to the upload form.
    page("diversity_import_confirm", EDITORS | {"editor": 302}, **DIVERSITY),
    post("diversity_import_confirm", EDITORS, **DIVERSITY),
    page("diversity_sample", SIGNED_IN),
    # --- public pages and open data: the published SOP for everyone, never a draft -------------
    page("public_finder", PUBLIC),
    # No schools chosen: the same Dutch 400 for everyone (comparing is tested in test_compare).
    page("public_compare", rule(PERSONAS, ok=400)),
    *[page("public_school", PUBLIC, **kwargs) for kwargs in PUBLISHED_PATHS],
    *[page("public_school", NOT_FOUND, **kwargs) for kwargs in UNPUBLISHED_PATHS],
    # The published SOP is written in the regional model: there is no own document to show.
    *[page("public_own_document", NOT_FOUND, **kwargs) for kwargs in PUBLISHED_PATHS[2:]],
    # The 6-character school code leads to the school's page, for everyone.
    page("public_school_code", rule(PERSONAS, ok=301), code="school.brin_code"),
    page("public_glossary", PUBLIC),
    api("api_public_profiles", PUBLIC),
    api("api_public_profile", PUBLIC, brin_code="school.brin_code"),
    # --- downloads: the published SOP for everyone, the rest for the school and the SWV ---------
    *[page(name, PUBLIC, **kwargs) for name in PUBLIC_DOWNLOADS for kwargs in PUBLISHED_PATHS],
    *[page(name, NOT_FOUND, **kwargs) for name in PUBLIC_DOWNLOADS for kwargs in UNPUBLISHED_PATHS],
    page("profile_schoolgids_docx", EDITORS, pk="published_profile.pk"),
    # Not established yet: nothing to download, for the editor either.
    page("profile_schoolgids_docx", EDITORS | {"editor": 404}, **PROFILE),
    page("partnership_publications_zip", STAFF, schooljaar=PUBLISHED_YEAR, **PARTNERSHIP),
    # A year without publications: nothing to zip.
    page(
        "partnership_publications_zip",
        STAFF | {"staff": 404},
        schooljaar=IJK_YEAR,
        **PARTNERSHIP,
    ),
    # --- the ouder- en jeugdsteunpunt: parents send from the public side; only the partnership's
    # staff read and answer (the school's anonymised view: tests/test_steunpunt.py) -----------
    page("steunpunt_ask", PUBLIC, brin="school.brin"),
    page("steunpunt_ask", PUBLIC, brin="school.brin", vestiging="school.vestiging"),
    post("steunpunt_ask", rule(PERSONAS, ok=400), brin="school.brin"),
    page("steunpunt_messages", STAFF, **PARTNERSHIP),
    page("steunpunt_message", STAFF, pk="parent_message.pk", **PARTNERSHIP),
    post("steunpunt_message", STAFF, pk="parent_message.pk", **PARTNERSHIP),
    # --- board and partnership overviews, analysis, allocation ---------------------------------
    page("board_overview", OFFICERS, **BOARD),
    page("board_overview_export", OFFICERS, fmt="csv", **BOARD),
    page("board_overview_export", OFFICERS, fmt="xlsx", **BOARD),
    page("board_analysis", OFFICERS, **BOARD),
    page("board_analysis_export", OFFICERS, fmt="csv", **BOARD),
    page("board_analysis_export", OFFICERS, fmt="xlsx", **BOARD),
    page("board_allocation", OFFICERS, **BOARD),
    post("board_allocation", OFFICERS, **BOARD),
    page("partnership_overview", STAFF, **PARTNERSHIP),
    post("partnership_acknowledge", STAFF, **PARTNERSHIP),
    page("partnership_overview_export", STAFF, fmt="csv", **PARTNERSHIP),
    page("partnership_overview_export", STAFF, fmt="xlsx", **PARTNERSHIP),
    page("coverage", STAFF, **PARTNERSHIP),
    page("coverage_export", STAFF, fmt="csv", **PARTNERSHIP),
    page("coverage_export", STAFF, fmt="xlsx", **PARTNERSHIP),
    page("partnership_analysis", STAFF, **PARTNERSHIP),
    page("partnership_report_pdf", STAFF, **PARTNERSHIP),
    page("partnership_analysis_export", STAFF, fmt="csv", **PARTNERSHIP),
    page("partnership_analysis_export", STAFF, fmt="xlsx", **PARTNERSHIP),
    page("partnership_allocation", STAFF, **PARTNERSHIP),
    post("partnership_allocation", STAFF, **PARTNERSHIP),
    # A scenario is seen by its owner only: the board's officer, or the partnership's staff.
    page("allocation_scenario", OFFICERS, pk="board_scenario.pk"),
    page("allocation_scenario", STAFF, pk="partnership_scenario.pk"),
    page("allocation_scenario_delete", OFFICERS, pk="board_scenario.pk"),
    post("allocation_scenario_delete", OFFICERS, pk="board_scenario.pk"),
    post("allocation_scenario_delete", STAFF, pk="partnership_scenario.pk"),
    page("allocation_scenario_export", OFFICERS, fmt="csv", pk="board_scenario.pk"),
    page("allocation_scenario_export", STAFF, fmt="xlsx", pk="partnership_scenario.pk"),
    # --- core ----------------------------------------------------------------------------------
    page("healthz", PUBLIC),
    # The language switch of the public pages: anyone, no CSRF token (docs/localisation.md).
    post("set_language", PUBLIC, data={"language": "en", "next": "/scholen/"}),
    page("avg_export", rule(set())),  # platform administrators only (tests/test_avg.py)
    page("theme_css", PUBLIC, slug="partnership.slug"),
    page("theme_logo", PUBLIC, slug="partnership.slug"),
    # --- API v1 (Bearer token) -----------------------------------------------------------------
    api("api_openapi", PUBLIC),
    api("api_profiles_list", API_SIGNED_IN),
    api("api_profile", API_READERS, **API_PROFILE),
    api("api_profile", API_EDITORS, method="patch", json={"base_version": 1}, **API_PROFILE),
    api("api_profile_import", API_EDITORS, method="post", **API_PROFILE),
    api("api_profile_diff", API_READERS, query={"from": 1, "to": 1}, **API_PROFILE),
    api(
        "api_profile_transition",
        API_EDITORS,
        method="post",
        json={"action": "request_advice"},
        **API_PROFILE,
    ),
    api("api_profile_history", API_READERS, **API_PROFILE),
    api("api_profile_check", API_READERS, **API_PROFILE),
    api("api_ijk", API_READERS, **DIVERSITY),
    api("api_ijk", API_EDITORS, method="put", json={"scores": {}}, **DIVERSITY),
    api("api_diversity", API_READERS, **DIVERSITY),
    api(
        "api_diversity",
        API_EDITORS,
        method="put",
        json={"counts": {"6": {"geen": 240}}},
        **DIVERSITY,
    ),
    # Without a file: the editor gets the missing-file error, nothing is read in.
    api("api_diversity_import", API_EDITORS, method="post", **DIVERSITY),
]
