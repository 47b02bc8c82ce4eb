from homepage_tui import model


def test_dates():
    assert model.validate_date("2024.10") is None
    assert model.validate_date("2024.02.29") is None
    assert "month 13" in model.validate_date("2024.13")
    assert "29 days" in model.validate_date("2023.02.30") or "28 days" in model.validate_date("2023.02.30")
    assert "not YYYY.MM" in model.validate_date("2024-10")


def test_entry_validation_by_type():
    assert model.validate_entry(model.NEWS, {"date": "2024.01", "text": "x"}) == {}
    assert set(model.validate_entry(model.NEWS, {"date": "2024.13"})) == {"date", "text"}
    # dates as pages write them (kept as written): a one-digit month, a year, a range; no date at all
    for date in ("2026.6", "2024", "2024.09 - present", "2024.09 - 至今", "2023.09 - 2024.6"):
        assert model.validate_entry(model.NEWS, {"date": date, "text": "x"}) == {}, date
    assert model.validate_entry(model.NEWS, {"text": "undated"}) == {}
    assert "date" in model.validate_entry(model.NEWS, {"date": "", "text": "x"})
    assert model.validate_new_date("2026.6") and model.validate_new_date("2026.06") is None
    assert "title" in model.validate_entry(model.PUBLICATIONS, {"title": " "})
    assert "kind" in model.validate_entry(model.PUBLICATIONS, {"title": "t", "kind": "blog"})
    assert "links" in model.validate_entry(model.PUBLICATIONS, {"title": "t", "links": {"p": "no url"}})
    assert model.validate_entry(model.PUBLICATIONS, {"title": "t", "links": {"p": "https://x.org/a b"}})
    assert "link" in model.validate_entry(model.AWARDS, {"title": "t", "link": "nope"})
    assert model.validate_entry(model.TREE, {"raw": "<div>anything</div>"}) == {}


def test_sort_keys_order_dates_and_academic_years():
    keys = [model.date_sort_key(d) for d in ["2023/24", "2024.01", "2022", "2024.01.15"]]
    assert sorted(range(4), key=lambda i: keys[i]) == [2, 0, 1, 3]


def test_section_types_from_names():
    assert model.section_type_for("news") == model.NEWS
    assert model.section_type_for("publications") == model.PUBLICATIONS
    assert model.section_type_for("honors") == model.AWARDS
    assert model.section_type_for("service") == model.TREE
