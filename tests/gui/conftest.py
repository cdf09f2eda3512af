"""GUI tests share one QApplication (pytest-qt's qapp) and the bundled document."""

import pytest


@pytest.fixture
def doc(qapp, bundled_doc_factory):
    return bundled_doc_factory()
