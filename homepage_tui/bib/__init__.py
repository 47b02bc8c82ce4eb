"""Publications from BibTeX, DOIs and arXiv ids: the core of "add a paper by paste".

One job per module, no Textual, no file I/O:

- `identifiers`: what a pasted text is (BibTeX, DOI, arXiv id) and the ids' normal forms
- `reference`: `Reference`, a paper as the sources describe it (before the site's style)
- `bibtex`: BibTeX text to references (bibtexparser 2), errors as `LINE:COL: reason`
- `names`: authors in the site's style ("First Last" or "F. Last"), the user's own name found
- `convert`: a reference to a publication entry (fields as publications.yml stores them)
- `resolve`: DOIs and arXiv ids to references over HTTP (Crossref, DataCite, arXiv)
- `duplicates`: which new entries the section already has (DOI, arXiv id, fuzzy title)
- `export`: publication entries to BibTeX
- `paste`: the whole job: a paste (or sources) in, publication entries and duplicates out
"""
