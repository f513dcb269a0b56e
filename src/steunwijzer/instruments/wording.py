"""Sentences of the instruments' pure modules, marked for translation without importing Django.

Pure modules (the "pure" contract in pyproject.toml) may not import Django, and the pupil file
is read in a bare child interpreter (`steunwijzer.core.bounded`) that has no Django at all. So a
pure module marks a sentence with `_("English %(name)s", name=value)` or
`ngettext_lazy(singular, plural, n, n=n)`: that gives a `Text`, which keeps the English msgid
and its values and is translated only when it is shown (`str(text)`), by the translator the
apps install when Django starts (`DiversityConfig.ready`, `IjkConfig.ready`: Django's gettext
and ngettext, so the Dutch comes from the catalogue of the app whose module marked the msgid).
Without a translator a Text reads as its English msgid. `as_data` and `from_data` carry a Text
as plain JSON out of the child process, so the parent translates it. Where a pure module runs
in the web process it may translate at once: `str(_(...))`. makemessages finds the msgids
through the names `_`, `ngettext_lazy` and `gettext_noop`.
"""

from dataclasses import dataclass


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


_translator = {"gettext": _english, "ngettext": _english_plural}


def install(gettext, ngettext) -> None:
    """Translate every Text from now on with these (Django's gettext and ngettext)."""
    _translator["gettext"], _translator["ngettext"] = gettext, ngettext


@dataclass(frozen=True)
class Text:
    """A sentence to translate when shown: English msgid (and plural) with named values."""

    msgid: str
    params: tuple[tuple[str, object], ...] = ()
    plural: str = ""
    n: int = 0

    def __str__(self) -> str:
        if self.plural:
            template = _translator["ngettext"](self.msgid, self.plural, self.n)
        else:
            template = _translator["gettext"](self.msgid)
        if not self.params:
            return template
        return template % {name: str(value) for name, value in self.params}

    def as_data(self) -> dict:
        """As JSON can hold it: values that are Texts become dicts too."""
        return {
            "msgid": self.msgid,
            "plural": self.plural,
            "n": self.n,
            "params": [
                [name, value.as_data() if isinstance(value, Text) else value]
                for name, value in self.params
            ],
        }


def from_data(data) -> "Text | str":
    """A Text from `as_data` again; anything else as it came."""
    if not isinstance(data, dict):
        return data
    return Text(
        data["msgid"],
        tuple((name, from_data(value)) for name, value in data["params"]),
        data["plural"],
        data["n"],
    )


def _(message: str, /, **params) -> Text:
    return Text(message, tuple(params.items()))


def gettext_noop(message: str) -> str:
    """Marks a msgid kept for later (as Django's gettext_noop): `_(msgid, **values)` then."""
    return message


def ngettext_lazy(singular: str, plural: str, n: int, /, **params) -> Text:
    return Text(singular, tuple(params.items()), plural, n)
