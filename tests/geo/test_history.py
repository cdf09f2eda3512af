"""Undo/redo by snapshots: every edit undoable, a failed edit leaves document and history intact."""

import pytest

from geo.errors import CrossingsError
from geo.history import History, clone, snapshot, snapshot_equal
from geo.page import Page


@pytest.fixture
def doc(bundled_doc_factory):
    return bundled_doc_factory()


def test_edits_undo_and_redo_in_order(doc):
    h = History(doc)
    routes = doc.layer("routes")
    h.edit("hide routes", lambda: setattr(routes.style, "visible", False))
    h.edit("width", lambda: setattr(doc.flow_style, "max_width_mm", 12.0))
    h.edit("page", lambda: doc.set_page(Page("A3", "portrait", 150)))
    assert (routes.style.visible, doc.flow_style.max_width_mm, doc.page.paper) == (False, 12.0, "A3")
    assert h.undo_label == "page" and h.is_dirty
    assert h.undo() and h.undo()
    assert doc.flow_style.max_width_mm == 7.5 and doc.page.paper == "A4" and routes.style.visible is False
    assert h.redo()
    assert doc.flow_style.max_width_mm == 12.0
    assert h.undo() and h.undo() and not h.undo()
    assert routes.style.visible is True and not h.is_dirty


def test_layer_add_remove_and_order_are_undoable(doc):
    h = History(doc)
    places = doc.layer("places")
    order = [lyr.kind for lyr in doc.layers]
    h.edit("move", lambda: doc.move_layer(places, 0))
    assert doc.layers[0] is places
    h.edit("remove", lambda: doc.remove_layer(places))
    assert doc.layer("places") is None
    h.undo()
    h.undo()
    assert [lyr.kind for lyr in doc.layers] == order


def test_failed_edit_restores_document_and_keeps_history(doc):
    h = History(doc)
    h.edit("width", lambda: setattr(doc.flow_style, "max_width_mm", 9.0))
    before = snapshot(doc)

    def bad():
        doc.flow_style.max_width_mm = 1.0
        doc.select("1999Q1")  # raises: no such period

    with pytest.raises(CrossingsError):
        h.edit("bad", bad)
    assert snapshot_equal(before, snapshot(doc))
    assert h.undo_label == "width" and not h.can_redo


def test_new_edit_clears_redo_and_no_op_edit_is_not_recorded(doc):
    h = History(doc)
    h.edit("a", lambda: setattr(doc, "title", "A"))
    h.undo()
    assert h.can_redo
    h.edit("b", lambda: setattr(doc, "title", "B"))
    assert not h.can_redo
    h.edit("nothing", lambda: None)
    assert h.undo_label == "b"


def test_undo_announces_change_and_keeps_projection_cache(doc):
    h = History(doc)
    doc.projected(doc.layer("boundaries"))
    cached = dict(doc._cache)
    reasons = []
    doc.changed.connect(reasons.append)
    h.edit("style", lambda: setattr(doc.layer("boundaries").style, "opacity", 0.5))
    h.undo()
    assert "style" in reasons and doc.layer("boundaries").style.opacity == 1.0
    assert all(k in doc._cache for k in cached if k[0] == "proj")


def test_clone_is_independent(doc):
    other = clone(doc)
    other.layer("routes").style.visible = False
    other.flow_style.group_colours["Atlantic"] = "#000000"
    assert doc.layer("routes").style.visible and doc.flow_style.group_colours["Atlantic"] != "#000000"
    assert other.join().flows["value"].sum() == doc.join().flows["value"].sum()
