"""One sub-navigation pattern for every module: a row of DSFR tertiary buttons under
the page title, the current page marked ``aria-current="page"``::

    {% load i18n subnav %}
    {% subnav _("Action sociale") %}
      {% subnav_item "social_action:index" label=_("Accueil de l'action sociale") %}
      {% if can_edit %}{% subnav_item "refdata:table" "regle-amiante" label=_("Délai") %}{% endif %}
    {% endsubnav %}

The markup lives in ``components/subnav.html`` and ``components/subnav_item.html``."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()


class SubnavNode(template.Node):
    def __init__(self, label, css_class, nodelist):
        self.label, self.css_class, self.nodelist = label, css_class, nodelist

    def render(self, context):
        items = self.nodelist.render(context)
        return render_to_string(
            "components/subnav.html",
            {
                "label": self.label.resolve(context),
                "css_class": self.css_class.resolve(context) if self.css_class else "",
                "items": mark_safe(items),  # noqa: S308 - rendered by our own templates
            },
        )


@register.tag
def subnav(parser, token):
    """``{% subnav label [css_class] %}…{% endsubnav %}``: the navigation landmark."""
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError("{% subnav label [css_class] %}")
    label = parser.compile_filter(bits[1])
    css_class = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    nodelist = parser.parse(("endsubnav",))
    parser.delete_first_token()
    return SubnavNode(label, css_class, nodelist)


@register.inclusion_tag("components/subnav_item.html", takes_context=True)
def subnav_item(context, viewname, *args, label):
    """One entry: the URL of ``viewname`` (with ``args``); current when it is the page."""
    url = reverse(viewname, args=args)
    request = context.get("request")
    return {"url": url, "label": label, "current": request is not None and request.path == url}
