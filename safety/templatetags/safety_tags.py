from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from safety import perms

register = template.Library()

# The badge of a risk's priority (the DSFR's error / warning / success colours).
_PRIORITY_BADGES = {
    1: ("fr-badge--error", _("Priorité 1")),
    2: ("fr-badge--warning", _("Priorité 2")),
    3: ("fr-badge--success", _("Priorité 3")),
}


@register.filter
def priority_badge(priority):
    """``{{ entry.priority|priority_badge }}``: a filter, not an include (a row of the
    register or of the action plan each has one)."""
    css, label = _PRIORITY_BADGES.get(priority, _PRIORITY_BADGES[3])
    return format_html('<p class="fr-badge fr-badge--sm fr-badge--no-icon {}">{}</p>', css, label)


@register.inclusion_tag("safety/components/nav.html", takes_context=True)
def safety_nav(context):
    """The module's in-page navigation, for what the reader may open."""
    # the request lets the sub-navigation mark the current page
    return {**perms.nav_flags(context["request"].user), "request": context["request"]}
