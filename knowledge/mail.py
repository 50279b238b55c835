"""Sending the knowledge app's e-mails: one template pair, one language, one address."""

import logging
from smtplib import SMTPException

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send_templated_mail(template, context, *, language, to, about):
    """Render ``knowledge/email/<template>_subject.txt`` and ``<template>.txt`` in
    ``language`` and send them to ``to``. A failing mail server is logged by ``about``
    (never the address) and undoes nothing; returns whether it was sent."""
    with translation.override(language):
        # One line whatever the context holds: a line break in a header is refused.
        subject = " ".join(
            render_to_string(f"knowledge/email/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"knowledge/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, [to])
    except (SMTPException, OSError):
        logger.warning("Could not send %s for %s", template, about, exc_info=True)
        return False
    return True
