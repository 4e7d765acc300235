"""One reader per file format; each returns a :class:`models.corpus.readers.base.FileResult`."""
