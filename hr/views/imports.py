"""HR imports (upload → preview → confirm). Filled in by the imports work."""

from django.http import Http404


def import_list(request):
    raise Http404


def import_detail(request, pk):
    raise Http404


def import_status(request, pk):
    raise Http404


def import_confirm(request, pk):
    raise Http404


def import_cancel(request, pk):
    raise Http404
