from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Board, Invitation, Membership, Partnership, School

# A website typed without a scheme is taken as https (Django 6's default, asked for now).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "function", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug", "contact_email"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline]
    formfield_overrides = URL_FIELDS


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "board_number", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["name", "board_number"]
    inlines = [MembershipInline]
    formfield_overrides = URL_FIELDS


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "brin_code", "board", "city", "school_type", "pupil_count"]
    list_filter = ["school_type", "board__partnership", "board", "municipality"]
    search_fields = ["name", "brin", "city", "municipality", "district"]
    list_select_related = ["board"]
    autocomplete_fields = ["board"]
    inlines = [MembershipInline]
    formfield_overrides = URL_FIELDS

    @admin.display(description=_("BRIN + location"), ordering="brin")
    def brin_code(self, obj):
        return obj.brin_code


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "function", "partnership", "board", "school", "created_at"]
    list_filter = ["role", "function", "partnership", "board"]
    search_fields = [
        "user__username",
        "user__email",
        "user__first_name",
        "user__last_name",
        "partnership__name",
        "board__name",
        "school__name",
        "school__brin",
    ]
    list_select_related = ["user", "partnership", "board", "school"]
    autocomplete_fields = ["user", "partnership", "board", "school"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read and clean up only: an invitation made here would never reach anyone's inbox."""

    list_display = [
        "email",
        "role",
        "organisation",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["role", ("accepted_at", admin.EmptyFieldListFilter), "expires_at"]
    search_fields = ["email", "school__name", "board__name", "partnership__name"]
    list_select_related = ["invited_by", "partnership", "board", "school"]
    exclude = ["token_hash"]
    readonly_fields = [
        "email",
        "role",
        "function",
        "partnership",
        "board",
        "school",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("organisation"))
    def organisation(self, obj):
        return obj.organisation
