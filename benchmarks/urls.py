"""URL conf of the benchmark: the product's URLs plus the floor view.

The floor is the cheapest page the stack can serve: the same middleware (session,
authentication, CSRF, CSP, language…), one indexed query and a tiny template. Every
measured page is reported as a ratio to it. It lives here, never in ``imtsocial.urls``.
"""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from imtsocial.urls import urlpatterns as product_urlpatterns

FLOOR_TEMPLATE = engines["django"].from_string(
    '<!doctype html><html lang="fr"><title>floor</title><p>{{ email }}</p></html>'
)


def floor(request):
    """One query on a primary key (indexed) and a tiny template."""
    email = (
        get_user_model().objects.filter(pk=request.user.pk).values_list("email", flat=True).first()
    )
    return HttpResponse(FLOOR_TEMPLATE.render({"email": email}, request))


urlpatterns = [path("bench-floor/", floor, name="bench_floor"), *product_urlpatterns]
