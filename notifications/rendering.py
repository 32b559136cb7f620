"""Turns a template (the organization's, else the built-in default) and a context into an email."""

from functools import lru_cache
from typing import Any, NamedTuple

from django.template import Context, Engine, Template, TemplateSyntaxError

from notifications.default_templates import DEFAULT_TEMPLATES
from notifications.models import EmailTemplate
from tenancy.models import Organization

# Text bodies are plain text: escaping `<hr@x.test>` to `&lt;...` would garble them.
_text_engine = Engine(autoescape=False)
_html_engine = Engine(autoescape=True)

SAMPLE_CONTEXT: dict[str, Any] = {
    "candidate_name": "Ayu Lestari",
    "position": "Backend Engineer",
    "organization": "PT Contoh",
    "interviewer": "Rina Wulandari",
    "expected_decision_date": "3 Desember 2026",
    "feedback_text": "Your system design answer was strong; practise SQL window functions.",
    "hr_contact": "Rina, HR PT Contoh <hr@contoh.test>",
    "recipient_name": "Rina",
    "overdue_decisions": [{"candidate_name": "Budi", "position": "Designer", "due": "20 November 2026"}],
    "due_soon": [],
    "awaiting_reply": [{"candidate_name": "Citra", "position": "Analyst", "waiting_days": 2}],
    "failed_emails": 1,
    "admin_url": "https://kabar.example/admin/",
}


class TemplateRenderError(Exception):
    pass


class RenderedEmail(NamedTuple):
    subject: str
    body_text: str
    body_html: str


class TemplateSource(NamedTuple):
    subject: str
    body_text: str
    body_html: str


def render_email(
    *, organization: Organization, kind: str, language: str, context: dict[str, Any]
) -> RenderedEmail:
    return render_template(email_template_for(organization, kind, language), context)


def render_sample(template: EmailTemplate) -> RenderedEmail:
    return render_template(
        TemplateSource(template.subject, template.body_text, template.body_html), SAMPLE_CONTEXT
    )


def email_template_for(organization: Organization, kind: str, language: str) -> TemplateSource:
    """The organization's template for `kind` in `language`, else the built-in default."""
    override = EmailTemplate.objects.filter(organization=organization, kind=kind, language=language).first()
    if override is not None:
        return TemplateSource(override.subject, override.body_text, override.body_html)
    default = DEFAULT_TEMPLATES[(kind, language)]
    return TemplateSource(default.subject, default.body, "")


def render_template(source: TemplateSource, context: dict[str, Any]) -> RenderedEmail:
    try:
        return RenderedEmail(
            subject=" ".join(_text_template(source.subject).render(Context(context)).split()),
            body_text=_text_template(source.body_text).render(Context(context)),
            body_html=_html_template(source.body_html).render(Context(context)) if source.body_html else "",
        )
    except (TemplateSyntaxError, ValueError, TypeError, AttributeError, KeyError) as error:
        raise TemplateRenderError(str(error)) from error


# Compiling a template costs more than rendering it; a compiled template is immutable, so one per text
# serves every email and thread. An edited template is new text, compiled on first use.
@lru_cache(maxsize=1024)
def _text_template(source: str) -> Template:
    return _text_engine.from_string(source)


@lru_cache(maxsize=1024)
def _html_template(source: str) -> Template:
    return _html_engine.from_string(source)
