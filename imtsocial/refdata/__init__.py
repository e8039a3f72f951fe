"""Date-effective reference data: the base model, business parameters, and the pages
where the role that owns each table keeps it up to date (``imtsocial.refdata.tables``)."""
