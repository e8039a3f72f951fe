from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hr.models import Employee
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import Item, Section


def sections(request) -> list[Section]:
    user = request.user
    held = roles_of(user)
    result = []
    employee = employee_of(user)
    if Role.EMPLOYEE in held:
        details = [employee.department.name, employee.site.name]
        if employee.manager_id:
            details.append(_("responsable : %(name)s") % {"name": employee.manager.full_name})
        result.append(
            Section(
                title=_("Mon dossier"),
                role_label=Role.EMPLOYEE.label,
                items=[Item(label=employee.full_name, detail=" · ".join(details))],
                links=[Item(label=_("Voir mon dossier"), url=reverse("hr:my_file"))],
            )
        )
    if Role.MANAGER in held:
        count = Employee.objects.active().filter(manager=employee).count()
        result.append(
            Section(
                title=_("Mon équipe"),
                role_label=Role.MANAGER.label,
                items=[
                    Item(
                        label=ngettext(
                            "%(count)d agent sous ma responsabilité",
                            "%(count)d agents sous ma responsabilité",
                            count,
                        )
                        % {"count": count}
                    )
                ],
                links=[Item(label=_("Voir mon équipe"), url=reverse("hr:team"))],
            )
        )
    if Role.HR in held or Role.DIRECTOR in held:
        count = Employee.objects.active().count()
        section = Section(
            title=_("Personnel"),
            role_label=(Role.HR if Role.HR in held else Role.DIRECTOR).label,
            items=[
                Item(
                    label=ngettext("%(count)d agent en poste", "%(count)d agents en poste", count)
                    % {"count": count}
                )
            ],
        )
        if Role.HR in held:
            section.links.append(
                Item(label=_("Annuaire du personnel"), url=reverse("hr:employee_list"))
            )
        result.append(section)
    if Role.TALENT_DEVELOPER in held:
        result.append(
            Section(
                title=_("Développeur de talents"),
                role_label=Role.TALENT_DEVELOPER.label,
                items=[
                    Item(
                        label=_("Vous exercez le rôle de développeur de talents."),
                        detail=_(
                            "Ce rôle n'intervient ni dans l'évaluation ni dans l'avancement "
                            "des collègues accompagnés."
                        ),
                    )
                ],
            )
        )
    return result
