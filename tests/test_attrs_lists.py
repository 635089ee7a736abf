"""Typed attrs with list fields (role.fine, narrative.subnarratives): JSON round trip and SQL columns."""

import json

import duckdb

from presswatch.attrs import NarrativeAttrs, RoleAttrs, attrs_of, sql_select
from presswatch.model import Annotation


def test_role_attrs_round_trip_keeps_fine_roles_as_a_list():
    attrs = RoleAttrs(canonical="Vladimir Putin", fine=("Tyrant", "Instigator"))
    stored = json.loads(json.dumps(attrs.to_dict()))
    assert stored == {"canonical": "Vladimir Putin", "fine": ["Tyrant", "Instigator"]}
    assert RoleAttrs.from_dict(stored) == attrs


def test_list_field_given_one_string_becomes_a_one_item_tuple():
    assert RoleAttrs.from_dict({"fine": "Victim"}).fine == ("Victim",)
    assert NarrativeAttrs.from_dict({}).subnarratives == ()


def test_attrs_of_reads_a_narrative_annotation():
    ann = Annotation("narrative", "URW: Praise of Russia", None, None, 0.7,
                     {"domain": "URW", "subnarratives": ["URW: Praise of Russia: Russia is a guarantor of peace and prosperity"]})
    got = attrs_of(ann)
    assert isinstance(got, NarrativeAttrs) and got.domain == "URW" and len(got.subnarratives) == 1


def test_sql_select_gives_list_fields_as_varchar_arrays():
    con = duckdb.connect()
    con.execute("CREATE TABLE annotations (layer VARCHAR, attrs JSON)")
    con.execute("INSERT INTO annotations VALUES ('role', ?), ('role', ?)",
                [json.dumps({"canonical": "Zelensky", "fine": ["Guardian", "Virtuous"]}), json.dumps({"canonical": "X"})])
    rows = con.execute(f"SELECT {sql_select('role')} FROM annotations ORDER BY canonical").fetchall()
    assert rows == [("X", None), ("Zelensky", ["Guardian", "Virtuous"])]
