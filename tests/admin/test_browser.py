"""The HR admin in a real browser (Debian's Chromium through Playwright), against the demo organization.

Each test saves a screenshot to docs/screenshots/.
"""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect, sync_playwright

from notifications.models import Notification, NotificationKind, NotificationStatus
from recruitment.demo import DEMO_PASSWORD, seed_demo
from recruitment.followups import followup_log
from recruitment.models import Application, ApplicationStatus, FollowUp, FollowUpChannel, StageKind
from tenancy.actors import Actor
from tenancy.models import Organization, User
from tenancy.scope import org_scope

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
HR_EMAIL = "hr@acme.test"


@pytest.fixture(scope="module")
def browser(django_db_setup: None) -> Iterator[Browser]:
    """One Chromium for the module, started after the test database exists.

    Playwright's sync API keeps an event loop on this thread, which Django takes for an async context;
    the tests' ORM calls are plain sync code, so Django is told so while the browser runs.
    """
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium).")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def acme(live_server: object) -> Organization:
    return next(organization for organization in seed_demo() if organization.slug == "acme")


@pytest.fixture
def page(browser: Browser, live_server: object, acme: Organization) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", HR_EMAIL)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def an_application(organization: Organization, **filters: object) -> Application:
    with org_scope(organization):
        return (
            Application.objects.select_related("candidate", "job", "stage")
            .filter(**filters)
            .order_by("created_at")
            .first()
        )


def test_log_in_and_read_the_dashboard(page: Page, acme: Organization) -> None:
    hr = Actor(user=User.objects.get(email=HR_EMAIL))
    questions = [
        (ApplicationStatus.REJECTED, "Could you share any feedback on my interview?", 3),
        (ApplicationStatus.ACTIVE, "Is it possible to move my second interview to Friday?", 1),
    ]
    with org_scope(acme):
        for status, text, days_ago in questions:
            followup_log(
                organization=acme,
                actor=hr,
                application=an_application(acme, status=status, interviews__isnull=False),
                received_at=timezone.now() - timedelta(days=days_ago),
                channel=FollowUpChannel.EMAIL,
                text=text,
            )
    page.reload()

    expect(page.locator("#overdue-decisions .kabar-stat-label")).to_have_text("Decisions overdue")
    expect(page.locator("#overdue-decisions .kabar-number")).not_to_have_text("0")
    expect(page.locator("#kabar-funnels svg")).to_have_count(3)
    expect(page.locator("#time-to-decision")).to_contain_text("days")
    expect(page.locator("#followups")).to_contain_text("waiting 3 days")
    screenshot(page, "dashboard")


def test_reject_with_a_scheduled_notice_and_cancel_it(
    page: Page, live_server: object, acme: Organization
) -> None:
    application = an_application(acme, status=ApplicationStatus.ACTIVE, stage__kind=StageKind.INTERVIEW)
    page.goto(f"{live_server.url}/admin/recruitment/application/{application.pk}/change/")

    page.click("#action-reject summary")
    page.select_option("#id_reject-reason", index=1)
    page.check("input[name='reject-notice'][value='later']")
    page.fill("#id_reject-notify_at", (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT09:00"))
    page.click("#submit-reject")
    expect(page.locator("#pending-notices")).to_contain_text("will be sent on")
    expect(page.locator("#application-status")).to_have_text("Rejected")
    screenshot(page, "reject-scheduled-notice")

    page.click("#pending-notices button")
    expect(page.locator(".messagelist")).to_contain_text("The rejection notice is cancelled")
    expect(page.locator("#pending-notices")).to_have_count(0)
    with org_scope(acme):
        notice = Notification.objects.get(
            caused_by=f"application:{application.pk}", kind=NotificationKind.REJECTION
        )
    assert notice.status == NotificationStatus.CANCELLED


def test_log_a_followup_by_pasting_an_email(page: Page, live_server: object, acme: Organization) -> None:
    application = an_application(
        acme, status=ApplicationStatus.ACTIVE, stage__kind=StageKind.INTERVIEW, interviews__isnull=False
    )
    page.goto(f"{live_server.url}/admin/recruitment/application/{application.pk}/change/")
    pasted = (
        f"From: {application.candidate.full_name} <{application.candidate.email}>\n"
        f"Subject: Following up on the {application.job.title} interview\n\n"
        "Dear Sarah,\n\nThank you again for the interview last week. "
        f"May I ask when I can expect to hear about the {application.job.title} position?\n\n"
        f"Best regards,\n{application.candidate.full_name}\n+65 8123 4567"
    )

    page.click("#action-log_followup summary")
    page.fill("#id_log_followup-email", pasted)
    page.click("#submit-log_followup")

    expect(page.locator(".messagelist")).to_contain_text("Logged as status inquiry")
    followup_entry = page.locator("li.kabar-story-followup").last
    expect(followup_entry).to_contain_text("Following up on the")
    expect(followup_entry).to_contain_text("named the position")
    followup_entry.scroll_into_view_if_needed()
    screenshot(page, "followup-logged")
    with org_scope(acme):
        followup = FollowUp.objects.get(application=application)
    assert (followup.kind, followup.sender) == ("status_inquiry", application.candidate.email)


def test_move_an_application_on_the_board(page: Page, live_server: object, acme: Organization) -> None:
    application = an_application(acme, status=ApplicationStatus.ACTIVE, stage__kind=StageKind.APPLIED)
    page.goto(f"{live_server.url}/admin/recruitment/job/{application.job_id}/board/")
    card = page.locator(f"#card-{application.pk}")

    card.locator("select").select_option(label="Screening")
    card.locator("button").click()

    expect(page.locator(".messagelist")).to_contain_text("Moved to “Screening”")
    with org_scope(acme):
        application.refresh_from_db()
        assert application.stage.kind == StageKind.SCREENING
    expect(page.locator(f"#stage-{application.stage_id} #card-{application.pk}")).to_have_count(1)
    screenshot(page, "pipeline-board")


def test_switch_the_language(page: Page, live_server: object) -> None:
    page.select_option("#kabar-language", "id")
    page.click("#kabar-language-switch button")

    expect(page.locator("#overdue-decisions .kabar-stat-label")).to_have_text("Keputusan terlambat")
    assert User.objects.get(email=HR_EMAIL).language == "id"
    screenshot(page, "dashboard-indonesian")
