"""HR statistics and pay alerts. Filled in by the statistics work."""

from django.http import Http404


def statistics(request):
    raise Http404


def pay_alerts(request):
    raise Http404
