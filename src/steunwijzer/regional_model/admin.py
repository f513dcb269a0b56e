from django.contrib import admin

from .loader import format_summary
from .models import FormatVersion


@admin.register(FormatVersion)
class FormatVersionAdmin(admin.ModelAdmin):
    """Versions are added with `manage.py format import` and never edited afterwards."""

    list_display = ["name", "version", "format_id", "partnership", "imported_at", "imported_by"]
    list_filter = ["partnership"]
    search_fields = ["name", "format_id", "version"]
    ordering = ["partnership", "-imported_at"]
    fields = [
        "partnership",
        "format_id",
        "version",
        "name",
        "summary",
        "imported_at",
        "imported_by",
        "source",
    ]
    readonly_fields = fields

    @admin.display(description="inhoud")
    def summary(self, obj):
        return format_summary(obj.format)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
