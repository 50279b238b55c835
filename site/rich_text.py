"""Rich-text links as visitors see them."""

from django.utils.html import escape

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from limburg.translation import visible_localized


class PublicPageLinkHandler(PageLinkHandler):
    """A link to a page a visitor may see; one to a draft, a page in moderation or a
    private page keeps its text but not the address (which would name the page).

    Registered in place of Wagtail's own handler (see wagtail_hooks), so the published
    page follows the same rule as every other page it chooses (featured, picked, related).
    """

    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = Page.objects.live().public().filter(id__in=ids).defer_streamfields().specific()
        by_id = {str(page.id): page for page in pages}
        return [by_id.get(str(page_id)) for page_id in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # Every link of the text (of a whole stream, see limburg.blocks.text) in a few queries.
        ids = [attrs.get("id") for attrs in attrs_list]
        visible = {str(pk): page for pk, page in visible_localized(ids).items()}
        return [
            f'<a href="{escape(visible[str(page_id)].url)}">' if str(page_id) in visible else "<a>"
            for page_id in ids
        ]
