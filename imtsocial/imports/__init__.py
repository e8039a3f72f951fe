"""The import kit: one job for every importer (hr's employees, contracts and salaries, IT's
inventory…). Upload (checked, stored) → analysis in the worker (nothing written: new,
updated, unchanged rows and every invalid row with its line, column and French message)
→ confirmation by a person → import in the worker, in one transaction → done. A second
import of the same file changes nothing. A periodic sweeper fails the jobs whose worker
died and deletes the uploaded files some days after the job ended.

- ``files``: reading CSV and XLSX files within the limits of the settings;
- ``widgets``: one cell → a value, or a French message;
- ``resources``: the base of every importer's resource;
- ``registry``: the importers the apps register (key, label, owner role, resource);
- ``services``: the job's life, called by the views and the tasks.
"""
