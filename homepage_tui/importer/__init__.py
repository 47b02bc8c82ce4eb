"""The importer: a hand-written AcadHomepage page into content/*.yml plus generated regions.

`plan.import_page` is pure (page text in, ImportPlan out); `apply.apply` writes a plan.
"""
