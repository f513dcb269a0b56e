"""Verscheidenheidsindex and School Invulschema: counts per group and category, never pupils."""
