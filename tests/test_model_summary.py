"""Issue 15 item 11: the table said '1 sub-items'."""

from homepage_tui import model


def test_sub_item_count_is_singular_for_one():
    one = model.make_entry(model.TREE, {"text": "Reviewer", "children": [{"text": "ICML"}]}).summary()
    two = model.make_entry(model.TREE, {"text": "Reviewer", "children": [{"text": "ICML"}, {"text": "NeurIPS"}]}).summary()
    assert one[2] == "1 sub-item" and two[2] == "2 sub-items"
