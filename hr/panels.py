"""Panels of the employee file: the people-development parts of hr add theirs without
the file importing them (a registry, as « Mon espace » does)::

    # hr/training/apps.py
    panels.file_panels.register(file_panel.cpf_panel, order=10)

    # a panel: (request, employee) -> {"template": "...", ...context} or None (not shown)
"""

from imtsocial.registry import Registry

file_panels = Registry("employee file panels")


def panels_for(request, employee) -> list[dict]:
    result = []
    for panel in file_panels:
        shown = panel(request, employee)
        if shown is not None:
            result.append(shown)
    return result
