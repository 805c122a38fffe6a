"""The shape the rule groups' test files share (tests/extraction/test_recall_*.py): a table of
sentences each rule or veto must find and one it must not, as (item, lang, text), read with
every layer on, as a user of ``extract`` reads them. A file keeps its own tables and says

    test_found, test_not_found = tables(FOUND, NOT_FOUND)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from laborlens.extraction import extract

Row = tuple[str, str, str]


def tables(found: Sequence[Row], not_found: Sequence[Row]) -> tuple[Callable[..., None], Callable[..., None]]:
    @pytest.mark.parametrize(("item", "lang", "text"), found)
    def test_found(item: str, lang: str, text: str) -> None:
        assert item in extract(text, lang=lang).ids

    @pytest.mark.parametrize(("item", "lang", "text"), not_found)
    def test_not_found(item: str, lang: str, text: str) -> None:
        assert item not in extract(text, lang=lang).ids

    return test_found, test_not_found
