from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, *, per_page: int | None = None):
    """The requested page of ``queryset`` (out-of-range pages give the last one)."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
