"""The shared strict reading of data files: every mistake is a `DataFileError` that names the
file and the dotted path of the field, and no key is silently ignored."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from regiekompas.core.datafile import Table, as_number, parse_toml, reject_unknown
from regiekompas.core.text import DataFileError, Text

FILE = "test.toml"


def error_of(read: Callable[[], object]) -> tuple[str, str]:
    with pytest.raises(DataFileError) as info:
        read()
    assert info.value.file == FILE
    return info.value.field, info.value.reason


def root(source: str) -> Table:
    return Table(parse_toml(source, file=FILE), file=FILE, path="")


def test_parse_errors_name_the_file() -> None:
    assert error_of(lambda: parse_toml(b"\xff", file=FILE))[0] == "(file)"
    field, reason = error_of(lambda: parse_toml("a = \n", file=FILE))
    assert field == "(syntax)"
    assert "invalid TOML" in reason
    assert parse_toml(b'a = "\xc3\xa9"', file=FILE) == {"a": "é"}


def test_typed_values_and_their_paths() -> None:
    table = root('a.s = "x"\na.n = 2\na.f = true\na.t = {nl = "ja", en = "yes"}\n')
    a = table.table("a")
    assert (a.string("s"), a.number("n"), a.flag("f")) == ("x", 2.0, True)
    assert a.text("t") == Text("ja", "yes")
    assert error_of(lambda: a.string("n")) == ("a.n", "expected a non-empty string")
    assert error_of(lambda: a.number("f")) == ("a.f", "expected a number, got True")
    assert error_of(lambda: a.get("x")) == ("a.x", "missing field")
    assert a.get("x", None) is None
    assert error_of(lambda: as_number("1", file=FILE, field="b")) == (
        "b",
        "expected a number, got '1'",
    )


def test_unknown_keys_are_refused() -> None:
    table = root("a = 1\nb = 2\nc = 3\n")
    table.number("a")
    assert error_of(table.close) == ("b", "unknown field")
    field, reason = error_of(
        lambda: reject_unknown({"x": 1}, {"b", "a"}, file=FILE, path="p", list_allowed=True)
    )
    assert (field, reason) == ("p.x", "unknown field; expected one of a, b")


def test_coded_items_are_addressed_by_code() -> None:
    table = root('[[item]]\ncode = "a"\nx = 1\n[[item]]\ncode = "b"\n')
    paths = [(code, item.path) for code, item in table.coded("item")]
    assert paths == [("a", "item.a"), ("b", "item.b")]
    broken = root('[[item]]\ncode = "a"\n[[item]]\ncode = "a"\n')
    assert error_of(lambda: list(broken.coded("item"))) == (
        "item.a",
        "duplicate code, also used by item[0]",
    )
    assert [code for code, _ in broken.coded("item", unique=False)] == ["a", "a"]
    spaced = root('[[item]]\ncode = "a b"\n')
    assert error_of(lambda: list(spaced.coded("item")))[0] == "item[0].code"


def test_subclasses_count_from_one_and_keep_their_class() -> None:
    class FromOne(Table):
        first_index = 1

    table = FromOne({"a": {"l": ["x", ""]}}, file=FILE, path="")
    a = table.table("a")
    assert isinstance(a, FromOne)
    assert error_of(lambda: a.strings("l")) == ("a.l[2]", "expected a non-empty string")
