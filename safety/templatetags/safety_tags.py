from django import template

from safety import perms

register = template.Library()


@register.inclusion_tag("safety/components/nav.html", takes_context=True)
def safety_nav(context):
    """The module's in-page navigation, for what the reader may open."""
    # the request lets the sub-navigation mark the current page
    return {**perms.nav_flags(context["request"].user), "request": context["request"]}
