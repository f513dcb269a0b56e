"""Overviews for boards and the partnership: route status, analysis, allocation, dekkend aanbod."""
