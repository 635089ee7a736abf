"""Container dates become ISO 8601 strings, or None when they cannot be read."""

from __future__ import annotations

import pytest

from presswatch.ingest.dates import iso_date


@pytest.mark.parametrize("value, expected", [
    ("2024-06-02", "2024-06-02"),
    ("2024-06-02T10:15:00Z", "2024-06-02T10:15:00+00:00"),
    ("2022-09-27T09:35:00+01:00", "2022-09-27T09:35:00+01:00"),
    ("Tue, 04 Jun 2024 08:00:00 GMT", "2024-06-04T08:00:00+00:00"),
    (1717315200, "2024-06-02T08:00:00+00:00"),
    (1717315200000, "2024-06-02T08:00:00+00:00"),
    ("1717315200", "2024-06-02T08:00:00+00:00"),
    ("27 September 2022", "2022-09-27"),
    ("Sept 27, 2022 9:35 AM", "2022-09-27T09:35:00"),
])
def test_dates_iso_forms(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "soon", "2024-13-45", True, "yesterday-ish"])
def test_dates_iso_unknown(value):
    assert iso_date(value) is None
