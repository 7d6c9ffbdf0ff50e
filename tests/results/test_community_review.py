"""Community review: one tap per browser, counts protected in public, comments moderated."""

import contextlib
import re

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.results import moderation
from feedback.results.models import CommunityComment, ReviewVote, Verdict
from feedback.results.review import hash_token, review_counts, vote
from tests.conftest import csrf_from


def _count_text(html: str, verdict: str) -> str:
    match = re.search(rf'<dd data-verdict="{verdict}">([^<]*)</dd>', html)
    assert match, "the page shows no count for " + verdict
    return match.group(1).strip()


def _tap(client, verdict: str, page=None):
    page = page or client.get("/s/park/results")
    return client.post(
        "/s/park/results/review",
        data={"verdict": verdict, "csrf_token": csrf_from(page.text)},
    )


def test_one_tap_counts_once_per_browser_however_often_it_is_tapped(client, published):
    survey = published()
    page = client.get("/s/park/results")
    assert _tap(client, "yes", page).status_code == 302
    assert _tap(client, "yes", page).status_code == 302  # a double tap
    assert review_counts(survey) == {"yes": 1, "partly": 0, "no": 0, "total": 1}
    # The browser's token is stored only hashed.
    token = client.get_cookie("review", path="/s/park/results").value
    stored = db.session.scalars(select(ReviewVote.token_hash)).one()
    assert stored == hash_token(token)
    assert token not in stored


def test_voting_again_changes_the_verdict(client, published):
    survey = published()
    _tap(client, "yes")
    _tap(client, "no")
    assert review_counts(survey) == {"yes": 0, "partly": 0, "no": 1, "total": 1}
    page = client.get("/s/park/results")
    assert "You said: no." in page.text
    assert 'value="no" aria-pressed="true"' in page.text


def test_another_browser_adds_a_vote(app, client, published):
    survey = published()
    _tap(client, "partly")
    other = app.test_client()
    _tap(other, "partly")
    assert review_counts(survey)["partly"] == 2


def test_the_same_token_arriving_twice_at_once_is_stored_once(published):
    survey = published()
    vote(survey, "a-token-of-sufficient-length", Verdict.YES)
    vote(survey, "a-token-of-sufficient-length", Verdict.YES)
    assert db.session.scalar(select(func.count()).select_from(ReviewVote)) == 1


def test_a_vote_needs_the_form_token(client, published):
    survey = published()
    client.get("/s/park/results")
    response = client.post("/s/park/results/review", data={"verdict": "yes"})
    assert response.status_code == 400
    assert review_counts(survey)["total"] == 0


def test_public_counts_below_k_say_fewer_than_k_and_the_count_goes_up(client, published):
    survey = published()
    for n in range(5):
        vote(survey, f"earlier-browser-token-{n:04d}", Verdict.YES)
    page = client.get("/s/park/results")
    assert _count_text(page.text, "yes") == "5 people"
    assert _count_text(page.text, "no") == "0 people"
    _tap(client, "partly", page)
    _tap(client, "yes", page)
    page = client.get("/s/park/results")
    assert _count_text(page.text, "yes") == "6 people"
    assert _count_text(page.text, "partly") == "0 people"
    _tap(client, "partly", page)
    page = client.get("/s/park/results")
    assert _count_text(page.text, "partly") == "fewer than 5"


def test_comments_wait_for_a_moderator(client, published):
    survey = published()
    page = client.get("/s/park/results")
    sent = client.post(
        "/s/park/results/comment",
        data={
            "comment": "The summary forgets the night lights",
            "csrf_token": csrf_from(page.text),
        },
        follow_redirects=True,
    )
    assert "will appear once a moderator has read it" in sent.text
    assert "The summary forgets the night lights" not in sent.text
    comment = db.session.scalars(select(CommunityComment)).one()
    moderation.approve(survey, "comment", comment.id)
    db.session.commit()
    assert "The summary forgets the night lights" in client.get("/s/park/results").text


def test_a_comment_with_a_phone_number_is_only_shown_redacted(client, published):
    survey = published()
    page = client.get("/s/park/results")
    client.post(
        "/s/park/results/comment",
        data={"comment": "Call me: 044 123 456", "csrf_token": csrf_from(page.text)},
    )
    comment = db.session.scalars(select(CommunityComment)).one()
    assert comment.flags == ["phone"]
    with contextlib.suppress(moderation.ModerationError):
        moderation.approve(survey, "comment", comment.id)
    db.session.commit()
    assert "044 123 456" not in client.get("/s/park/results").text
    moderation.redact(survey, "comment", comment.id, "Call me: […]")
    db.session.commit()
    html = client.get("/s/park/results").text
    assert "Call me: […]" in html
    assert "044 123 456" not in html


def test_an_empty_or_huge_comment_gets_a_clear_error_and_keeps_the_text(client, published):
    published()
    page = client.get("/s/park/results?lang=sq")
    empty = client.post(
        "/s/park/results/comment?lang=sq",
        data={"comment": "   ", "csrf_token": csrf_from(page.text)},
    )
    assert empty.status_code == 400
    assert empty.text.count('href="#comment"') == 1
    assert "<title>" in empty.text
    assert "<title>Gabim: " in empty.text  # "Error:" in Albanian
    huge = "word " * 2000
    too_long = client.post(
        "/s/park/results/comment?lang=en",
        data={"comment": huge, "csrf_token": csrf_from(page.text)},
    )
    assert too_long.status_code == 400
    assert "1000 characters or fewer" in too_long.text
    assert huge.strip() in too_long.text
    assert db.session.scalar(select(func.count()).select_from(CommunityComment)) == 0
