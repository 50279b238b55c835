"""What a request says about its sender, read the same way everywhere."""

from django.conf import settings


def client_address(request):
    """The visitor's address. Behind our proxy REMOTE_ADDR is the proxy itself: the last
    X-Forwarded-For entry is the one it added, so a client cannot forge it (what a client
    wrote there itself comes before it). Without a proxy the header is ignored."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
