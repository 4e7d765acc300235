"""One reader per file format; each returns a :class:`models.readers.base.FileResult`."""
