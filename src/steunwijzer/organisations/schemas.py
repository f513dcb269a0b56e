"""How the JSON API names a school: shared by the operations of every app that answers about one."""

from typing import Annotated

from ninja import Schema
from pydantic import Field, StringConstraints

from steunwijzer.core.json_api import AsSent

# BRIN plus vestiging in a path ("12AB00"): looked up, not pattern-matched, so a malformed code
# is the operation's Dutch 404 like an unknown one.
BrinCode = AsSent[Annotated[str, StringConstraints(pattern="^[0-9]{2}[A-Za-z]{2}[0-9]{2}$")]]


class School(Schema):
    brin: str = Field(examples=["12AB"])
    vestiging: str = Field(examples=["00"])
    name: str


def school_ref(school) -> dict:
    return {"brin": school.brin, "vestiging": school.vestiging, "name": school.name}
