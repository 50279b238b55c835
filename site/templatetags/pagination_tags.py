"""Pagination that keeps the other GET parameters (query, filters, sort) of the page."""

from django import template

register = template.Library()


def _url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    request = context["request"]
    paginator = page_obj.paginator
    return {
        "page_obj": page_obj,
        "pages": [
            # The ellipsis ("…") gets no link.
            (
                number,
                "" if number == paginator.ELLIPSIS else _url(request, number),
                number == page_obj.number,
            )
            for number in paginator.get_elided_page_range(
                page_obj.number, on_each_side=2, on_ends=1
            )
        ],
        "previous_url": _url(request, page_obj.previous_page_number())
        if page_obj.has_previous()
        else "",
        "next_url": _url(request, page_obj.next_page_number()) if page_obj.has_next() else "",
    }
